package mesoscreen.authoring;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The rule authors' commands of the jar, and their exit codes. */
public final class Commands {
    static final int OK = 0;
    static final int RULES_DO_NOT_LOAD = 1;
    static final int USAGE = 2;
    static final int MORE_PERMISSIVE = 3;

    private static final String USAGE_TEXT = """
            usage: java -jar quarkus-run.jar check DIR
                   java -jar quarkus-run.jar impact OLD_DIR NEW_DIR [--intakes DIR]
              check   loads DIR as the service would, runs every example, reports errors and untried examples;
                      exit 0 when it loads, 1 when it does not
              impact  screens the examples of both rule sets, generated intakes and the JSON intakes of
                      --intakes against OLD_DIR and NEW_DIR and prints the verdicts that change (Markdown);
                      exit 0, or 3 when a verdict became more permissive, 1 when a folder does not load""";

    private Commands() {
    }

    public static Set<String> names() {
        return Set.of("check", "impact");
    }

    /** Runs a command, printing to standard output in UTF-8 whatever the platform's default; returns the exit code. */
    public static int run(String... args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("check") && rest.size() == 1) {
            return new Check(new Offline(), out).run(Path.of(rest.get(0)));
        }
        if (args[0].equals("impact") && (rest.size() == 2 || rest.size() == 4 && rest.get(2).equals("--intakes"))) {
            Path intakes = rest.size() == 4 ? Path.of(rest.get(3)) : null;
            return new Impact(new Offline(), out).run(Path.of(rest.get(0)), Path.of(rest.get(1)), intakes);
        }
        out.println(USAGE_TEXT);
        return USAGE;
    }
}
