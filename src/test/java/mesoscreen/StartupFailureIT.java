package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service refuses to start on a broken rule folder, and says where the error is. */
class StartupFailureIT {

    @Test
    void brokenRuleFileStopsStartUpWithFileAndLine(@TempDir Path temp) throws IOException, InterruptedException {
        Path rules = BrokenRulesTest.copyOfBundledRules(temp.resolve("rules"));
        Path pregnancy = rules.resolve("checks/pregnancy.yaml");
        Files.writeString(pregnancy, Files.readString(pregnancy).replace("- answer: pregnant", "- answer: pregnnat"));

        Path log = temp.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MESOSCREEN_RULES_DIR", rules.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            assertTrue(exited, "the service kept running on a broken rule folder");
            assertNotEquals(0, process.exitValue());
            String output = Files.readString(log);
            assertTrue(output.contains("ERROR: " + pregnancy + ":8:15: unknown question 'pregnnat'; did you mean 'pregnant'?"),
                    output);
            assertTrue(output.contains(" | ..............^"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
