package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi.yaml passes both linters clinics' tooling uses, with the versions pinned in
 * src/test/lint/package.json: Redocly CLI (its recommended ruleset) and Spectral ({@code spectral:oas}).
 * Needs node and {@code npm ci} in src/test/lint (.ci/run does both); skipped without them, except on CI.
 */
class OpenApiLintTest {
    private static final Path LINT = Path.of("src/test/lint");
    private static final Path OUT = Path.of("target/openapi-lint");

    @Test
    void redoclyRecommendedFindsNoError() throws Exception {
        Run run = run("redocly", List.of("node_modules/.bin/redocly", "lint", "--config", "redocly.yaml",
                "--format", "stylish", "../../../openapi.yaml"));
        assertEquals(0, run.exit, "Redocly CLI reports errors in openapi.yaml:\n" + run.output);
    }

    @Test
    void spectralOasFindsNoError() throws Exception {
        Run run = run("spectral", List.of("node_modules/.bin/spectral", "lint", "--ruleset", ".spectral.yaml",
                "--fail-severity", "error", "--format", "text", "../../../openapi.yaml"));
        assertEquals(0, run.exit, "Spectral reports errors in openapi.yaml:\n" + run.output);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String name, List<String> command) throws IOException, InterruptedException {
        Assumptions.assumeTrue("true".equals(System.getenv("CI")) || Files.isDirectory(LINT.resolve("node_modules")),
                "the OpenAPI linters need `npm ci` in " + LINT);
        Files.createDirectories(OUT);
        Path log = OUT.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                fail(name + " did not finish within 180 s:\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }
}
