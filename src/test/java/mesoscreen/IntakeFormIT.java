package mesoscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mesoscreen's own web form, {@code <mesoscreen-intake>}, in headless Chromium against the packaged jar:
 * src/test/forms/intake-form.mjs fills it in as patients would (one scenario by keyboard only, one on a
 * clinic's site on another origin, one at phone width), checks what the page shows and the
 * {@code mesoscreen-result} event, and saves a screenshot per scenario under target/intake-form/. Needs node,
 * /usr/bin/chromium and {@code npm ci} in src/test/forms; skipped without them, except on CI (CI=true).
 */
@QuarkusIntegrationTest
@TestProfile(IntakeFormIT.ClinicOrigin.class)
class IntakeFormIT {
    private static final Path OUT = Path.of("target/intake-form");
    private static JsonNode report;

    /**
     * The clinic's site of the cross-origin scenario (the loopback address under its other name, another port)
     * may call the service from the browser.
     */
    public static class ClinicOrigin implements QuarkusTestProfile {
        /** CORS names exact origins, so the clinic's page listens on a port chosen here. */
        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.cors.origins", "http://127.0.0.1:" + PORT + ",http://localhost:" + PORT);
        }

        private static int freePort() {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @TestHTTPResource("/")
    URL base;

    private JsonNode report() throws IOException, InterruptedException {
        if (report == null) {
            NodeScripts.run("intake-form.mjs", base, OUT, 300, Map.of("CLINIC_PORT", String.valueOf(ClinicOrigin.PORT)));
            report = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());
        }
        return report;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eligible", "pregnant", "male", "russian", "missing-answer", "typo-medication",
            "keyboard-only", "unknown-procedure", "demo-page"})
    void scenario(String name) throws Exception {
        NodeScripts.passed(report(), "intake-form.mjs", name);
    }
}
