package mesoscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link IntakeFormIT}'s scenarios on a deployment with keys and clinics (src/test/forms/intake-form.mjs with
 * PUBLISHABLE_KEY): clinic B's page embeds the form with B's publishable key and gets its verdict from B's
 * rules; the same page on clinic A's website is refused. Skipped without Chromium, as IntakeFormIT is.
 */
@QuarkusIntegrationTest
@TestProfile(IntakeFormKeysIT.Group.class)
class IntakeFormKeysIT {
    private static final Path OUT = Path.of("target/intake-form-keys");
    private static JsonNode report;

    /** Clinic B's website is where the clinic page listens; clinic A's is the same port under the other name. */
    public static class Group implements QuarkusTestProfile {
        static final int PORT = IntakeFormIT.ClinicOrigin.PORT + 1;

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path clinics = Files.createTempDirectory("form-clinics");
                ClinicsTest.writeClinics(clinics);
                rewrite(clinics.resolve("clinic-a/clinic.yaml"), ClinicsTest.SITE_A, "http://localhost:" + PORT);
                rewrite(clinics.resolve("clinic-b/clinic.yaml"), ClinicsTest.SITE_B, "http://127.0.0.1:" + PORT);
                return Map.of("mesoscreen.clinics-dir", clinics.toString(),
                        "mesoscreen.api-keys", "clinic-a=" + ClinicsTest.KEY_A + ",clinic-b=" + ClinicsTest.KEY_B,
                        "mesoscreen.publishable-keys", "clinic-a=" + ClinicsTest.PAGE_A + ",clinic-b=" + ClinicsTest.PAGE_B);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void rewrite(Path file, String from, String to) throws IOException {
            Files.writeString(file, Files.readString(file).replace(from, to));
        }
    }

    @TestHTTPResource("/")
    URL base;

    private JsonNode report() throws IOException, InterruptedException {
        if (report == null) {
            NodeScripts.run("intake-form.mjs", base, OUT, 300, Map.of("CLINIC_PORT", String.valueOf(Group.PORT),
                    "PUBLISHABLE_KEY", ClinicsTest.PAGE_B, "CLINIC_ID", "clinic-b"));
            report = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());
        }
        return report;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinic-publishable-key", "publishable-key-elsewhere"})
    void scenario(String name) throws Exception {
        NodeScripts.passed(report(), "intake-form.mjs", name);
    }
}
