package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SmartLaunchIT}'s launch on a deployment with keys and clinics: the EHR's launch URL carries clinic B's
 * publishable key, clinic B lists Mesoscreen's own origin among its websites, and the app's calls (the questionnaire,
 * $populate, the QuestionnaireResponse screening) pass with it and get clinic B's rules; a launch URL without a
 * key gets an error page. Skipped without Chromium, as IntakeFormIT is.
 */
@QuarkusIntegrationTest
@TestProfile(SmartLaunchKeysIT.Group.class)
class SmartLaunchKeysIT {
    private static final Path OUT = Path.of("target/smart-launch-keys");
    static final SmartEhrStub EHR = new SmartEhrStub(true);
    static final SmartEhrStub ELSEWHERE = new SmartEhrStub(false);
    private static JsonNode report;

    /**
     * Clinics A and B with their keys. Mesoscreen's own origin (its port is chosen when the jar starts) is added to
     * clinic B's websites once it is known, and the rules reloaded (with the admin key).
     */
    public static class Group implements QuarkusTestProfile {
        static final Path CLINICS = clinics();
        static final String ADMIN_KEY = "smart-admin-key-0123456789";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.clinics-dir", CLINICS.toString(), "mesoscreen.admin-key", ADMIN_KEY,
                    "mesoscreen.api-keys", "clinic-a=" + ClinicsTest.KEY_A + ",clinic-b=" + ClinicsTest.KEY_B,
                    "mesoscreen.publishable-keys", "clinic-a=" + ClinicsTest.PAGE_A + ",clinic-b=" + ClinicsTest.PAGE_B,
                    "mesoscreen.smart.client-id", SmartEhrStub.CLIENT_ID,
                    "mesoscreen.smart.fhir-servers", EHR.fhirBase());
        }

        private static Path clinics() {
            try {
                Path clinics = Files.createTempDirectory("smart-clinics");
                ClinicsTest.writeClinics(clinics);
                return clinics;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Clinic B lists Mesoscreen's own origin beside its website: the SMART app's page is one of its pages. */
    private void listOwnOrigin() throws IOException, InterruptedException {
        Path b = Group.CLINICS.resolve("clinic-b/clinic.yaml");
        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Files.writeString(b, Files.readString(b).replace("\"" + ClinicsTest.SITE_B + "\"",
                "\"" + ClinicsTest.SITE_B + "\", \"" + own + "\""));
        HttpResponse<String> reload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create(base + "admin/rules/reload")).header("X-Admin-Key", Group.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reload.statusCode(), reload.body());
    }

    @TestHTTPResource("/")
    URL base;

    private JsonNode report() throws IOException, InterruptedException {
        if (report == null) {
            listOwnOrigin();
            NodeScripts.run("smart-launch.mjs", base, OUT, 300, Map.of("EHR", EHR.base(), "ELSEWHERE", ELSEWHERE.base(),
                    "PUBLISHABLE_KEY", ClinicsTest.PAGE_B, "CLINIC_ID", "clinic-b"));
            report = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());
        }
        return report;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"launch-with-publishable-key", "launch-without-key"})
    void scenario(String name) throws Exception {
        NodeScripts.passed(report(), "smart-launch.mjs", name);
        if (name.equals("launch-with-publishable-key")) {
            assertEquals(1, EHR.created.size(), "the EHR did not receive the answers: " + EHR.created.keySet());
        }
    }
}
