package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service refuses to start on a broken rule folder or a bad setting, and says what is wrong. */
class StartupFailureIT {

    @Test
    void brokenRuleFileStopsStartUpWithFileAndLine(@TempDir Path temp) throws IOException, InterruptedException {
        Path rules = BrokenRulesTest.copyOfBundledRules(temp.resolve("rules"));
        Path pregnancy = rules.resolve("checks/pregnancy.yaml");
        Files.writeString(pregnancy, Files.readString(pregnancy).replace("- answer: pregnant", "- answer: pregnnat"));
        String output = failedStart(temp, Map.of("MESOSCREEN_RULES_DIR", rules.toString()));
        assertTrue(output.contains("ERROR: " + pregnancy + ":8:15: unknown question 'pregnnat'; did you mean 'pregnant'?"),
                output);
        assertTrue(output.contains(" | ..............^"), output);
    }

    /** Every website allowed by mistake, or a proxy named by a host name, stops the start. */
    @Test
    void corsWildcardWithoutAllowAnyAndAProxyByNameStopTheStart(@TempDir Path temp) throws IOException, InterruptedException {
        String output = failedStart(temp, Map.of("MESOSCREEN_CORS_ORIGINS", "*"));
        assertTrue(output.contains("set MESOSCREEN_CORS_ALLOW_ANY=true if that is meant"), output);
        output = failedStart(temp, Map.of("MESOSCREEN_TRUSTED_PROXIES", "proxy.clinic.example"));
        assertTrue(output.contains("'proxy.clinic.example' is not an IP address or a CIDR range"), output);
    }

    private static String failedStart(Path temp, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "out", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            assertTrue(exited, "the service kept running with " + environment);
            assertNotEquals(0, process.exitValue());
            return Files.readString(log);
        } finally {
            process.destroyForcibly();
        }
    }
}
