package mesoscreen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser tests' scripts in src/test/forms, run with node against the service under test. They need node,
 * /usr/bin/chromium and {@code npm ci} in src/test/forms; without them a test is skipped, except on CI
 * (CI=true), where it always runs.
 */
final class NodeScripts {
    static final Path FORMS = Path.of("src/test/forms");

    private NodeScripts() {
    }

    /** Runs {@code script base out}, failing the test with its output when it fails or takes too long. */
    static void run(String script, URL base, Path out, int seconds) throws IOException, InterruptedException {
        run(script, base, out, seconds, java.util.Map.of());
    }

    /** The same, with {@code environment} added to the script's. */
    static void run(String script, URL base, Path out, int seconds, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue("true".equals(System.getenv("CI"))
                        || Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isDirectory(FORMS.resolve("node_modules")),
                script + " needs /usr/bin/chromium and `npm ci` in " + FORMS);
        Files.createDirectories(out);
        Path log = out.resolve(script.replace(".mjs", ".log"));
        ProcessBuilder builder = new ProcessBuilder(List.of("node", FORMS.resolve(script).toString(), base.toString(),
                out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process node = builder.start();
        try {
            if (!node.waitFor(seconds, TimeUnit.SECONDS)) {
                fail(script + " did not finish within " + seconds + " s:\n" + Files.readString(log));
            }
            if (node.exitValue() != 0) {
                fail(script + " exited with " + node.exitValue() + ":\n" + Files.readString(log));
            }
        } finally {
            node.destroyForcibly();
        }
    }

    /** The scenario {@code name} of a script's report ran, failed in nothing, and left its screenshot. */
    static void passed(com.fasterxml.jackson.databind.JsonNode report, String script, String name) {
        com.fasterxml.jackson.databind.JsonNode scenario = report.get(name);
        org.junit.jupiter.api.Assertions.assertNotNull(scenario, script + " did not run " + name);
        org.junit.jupiter.api.Assertions.assertTrue(scenario.get("failures").isEmpty(),
                name + ":\n" + scenario.get("failures").toPrettyString());
        org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(Path.of(scenario.get("screenshot").asText())),
                "no screenshot of " + name);
    }
}
