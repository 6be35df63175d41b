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
            usage: java -jar quarkus-run.jar check DIR [--clinics DIR]
                   java -jar quarkus-run.jar impact OLD_DIR NEW_DIR [--intakes DIR] [--clinics DIR [--old-clinics DIR]]
              check   loads DIR as the service would, runs every example, reports errors and untried examples;
                      with --clinics (or MESOSCREEN_CLINICS_DIR), every clinic's set too (DIR overlaid with the
                      clinic's folder); exit 0 when everything loads, 1 when anything does not
              impact  screens the examples of both rule sets, generated intakes (each bound the rules state,
                      just inside and outside) and the JSON intakes of --intakes against OLD_DIR and NEW_DIR and
                      prints the verdicts that change (Markdown); with --clinics (or MESOSCREEN_CLINICS_DIR), a
                      report per clinic follows (--old-clinics: the overlays before the change). NEW_DIR may be a
                      clinic's folder: the report is then what the clinic changes of OLD_DIR.
                      exit 0, or 3 when a verdict became more permissive, 1 when a folder does not load""";

    private Commands() {
    }

    public static Set<String> names() {
        return Set.of("check", "impact");
    }

    /** Takes "--name DIR" pairs out of {@code args} into {@code options}; false for an unknown or repeated one. */
    private static boolean options(List<String> args, java.util.Map<String, Path> options) {
        for (int i = 0; i < args.size(); ) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                i++;
                continue;
            }
            if (!Set.of("--intakes", "--clinics", "--old-clinics").contains(arg) || i + 1 >= args.size()
                    || options.put(arg, Path.of(args.get(i + 1))) != null) {
                return false;
            }
            args.subList(i, i + 2).clear();
        }
        return true;
    }

    /** Runs a command, printing to standard output in UTF-8 whatever the platform's default; returns the exit code. */
    public static int run(String... args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        List<String> rest = new java.util.ArrayList<>(Arrays.asList(args).subList(1, args.length));
        java.util.Map<String, Path> options = new java.util.HashMap<>();
        if (!options(rest, options)) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        String fromEnvironment = System.getenv("MESOSCREEN_CLINICS_DIR");
        Path clinics = options.containsKey("--clinics") ? options.get("--clinics")
                : fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
        try {
            if (args[0].equals("check") && rest.size() == 1 && !options.containsKey("--intakes")) {
                return new Check(new Offline(), out).run(Path.of(rest.get(0)), clinics);
            }
            if (args[0].equals("impact") && rest.size() == 2) {
                return new Impact(new Offline(), out).run(Path.of(rest.get(0)), Path.of(rest.get(1)),
                        options.get("--intakes"), clinics, options.get("--old-clinics"));
            }
        } catch (mesoscreen.rules.RuleSetException e) {
            e.errors().forEach(error -> out.println(error.render()));
            return RULES_DO_NOT_LOAD;
        }
        out.println(USAGE_TEXT);
        return USAGE;
    }
}
