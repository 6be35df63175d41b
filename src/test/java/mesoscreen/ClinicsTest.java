package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A clinic group on one deployment, over the bundled rules: clinic A keeps them as they are; clinic B does
 * not offer PRP and waits 12 months after isotretinoin instead of 6; clinic C holds keys but no overlay.
 * Each call is screened against its key's clinic; publishable keys do what the drop-in form does, from the
 * clinic's own websites only.
 */
@QuarkusTest
@TestProfile(ClinicsTest.Group.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicsTest {
    static final String ADMIN = "admin-key-for-clinics";
    static final String KEY_A = "sk_clinic_a_0123456789";
    static final String KEY_B = "sk_clinic_b_0123456789";
    static final String KEY_C = "sk_clinic_c_0123456789";
    static final String PAGE_A = "pk_clinic_a_0123456789";
    static final String PAGE_B = "pk_clinic_b_0123456789";
    static final String SITE_A = "https://clinic-a.example";
    static final String SITE_B = "https://www.clinic-b.example";
    static Path clinics;

    public static class Group implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                clinics = Files.createTempDirectory("clinics");
                writeClinics(clinics);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // The EHR stub's calls are clinic B's.
            return Map.of("mesoscreen.clinics-dir", clinics.toString(),
                    "mesoscreen.api-keys", "clinic-a=" + KEY_A + ",clinic-b=" + KEY_B + ",clinic-c=" + KEY_C,
                    "mesoscreen.publishable-keys", "clinic-a=" + PAGE_A + ",clinic-b=" + PAGE_B,
                    "mesoscreen.admin-key", ADMIN,
                    "mesoscreen.cds.trusted-issuers", EhrStub.ISSUER + "|" + EhrStub.base() + "/jwks|clinic-b");
        }
    }

    /** Clinic A: the bundled rules, its website; clinic B: no PRP, 12 months after isotretinoin. */
    static void writeClinics(Path clinics) throws IOException {
        Path a = Files.createDirectories(clinics.resolve("clinic-a"));
        Files.writeString(a.resolve("clinic.yaml"), """
                name: Clinic A
                origins: [ "%s" ]
                """.formatted(SITE_A));
        Path b = Files.createDirectories(clinics.resolve("clinic-b/checks"));
        Files.writeString(clinics.resolve("clinic-b/clinic.yaml"), """
                # yaml-language-server: $schema=../../rules/schema/clinic.schema.json
                name: Clinic B
                version: "1"
                origins: [ "%s" ]
                offered: [ mesotherapy-face, hydralift, mesolifting, mesotherapy-hair, mesotherapy-body,
                           needle-free-mesotherapy ]
                """.formatted(SITE_B));
        Files.writeString(b.resolve("isotretinoin.yaml"), twelveMonthIsotretinoin());
    }

    /** The bundled isotretinoin rule with a 12-month wait, and its examples moved to match. */
    static String twelveMonthIsotretinoin() throws IOException {
        String text = Files.readString(Path.of("rules/checks/isotretinoin.yaml"));
        for (String[] edit : new String[][] {{"months: 6", "months: 12"}, {"6 months", "12 months"},
                {"6 ay", "12 ay"}, {"6 месяцев", "12 месяцев"}, {"Six months", "Twelve months"},
                {"2026-04-15", "2025-10-15"}, {"2026-03-01", "2025-11-01"}}) {
            assertTrue(text.contains(edit[0]), edit[0]);
            text = text.replace(edit[0], edit[1]);
        }
        return text;
    }

    static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).header("Accept-Language", "en");
    }

    /** Isotretinoin stopped 8 months before the planned date. */
    static Map<String, Object> stoppedEightMonthsBefore() {
        return Intakes.healthyWoman(30)
                .with("medications", List.of(Map.of("text", "isotretinoin", "stoppedOn", "2026-04-01"))).body();
    }

    static ValidatableResponse screen(String key, Object body) {
        return as(key).contentType(ContentType.JSON).body(body).post("/v1/screenings").then();
    }

    @Test
    @Order(1)
    void eachClinicScreensWithItsOwnRules() {
        String a = screen(KEY_A, stoppedEightMonthsBefore()).statusCode(200)
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("ruleset.clinic", equalTo("clinic-a"))
                .extract().path("ruleset.digest");
        String b = screen(KEY_B, stoppedEightMonthsBefore()).statusCode(200)
                .body("eligibility", equalTo("DEFER"))
                .body("eligibleFrom", equalTo("2027-04-01"))
                .body("contraindications[0].id", equalTo("isotretinoin"))
                .body("contraindications[0].title", containsString("12 months"))
                .body("ruleset.clinic", equalTo("clinic-b"))
                .body("ruleset.version", equalTo(Intakes.RULES.version() + "+clinic-b.1"))
                .extract().path("ruleset.digest");
        assertNotEquals(a, b, "each clinic's set has its own digest");
        // A clinic with keys and no overlay, like a call with no clinic, uses the base set.
        screen(KEY_C, stoppedEightMonthsBefore()).statusCode(200).body("eligibility", equalTo("ELIGIBLE"))
                .body("ruleset.clinic", nullValue()).body("ruleset.digest", equalTo(Intakes.RULES.digest()));
        assertNotEquals(Intakes.RULES.digest(), a, "clinic A's clinic.yaml is part of its set");
        // Seven months later B's wait is over, A never had one.
        screen(KEY_B, Intakes.healthyWoman(30).with("plannedDate", "2027-04-01")
                .with("medications", List.of(Map.of("text", "isotretinoin", "stoppedOn", "2026-04-01"))).body())
                .statusCode(200).body("eligibility", equalTo("ELIGIBLE"));
        as(KEY_B).get("/v1/rules/isotretinoin").then().statusCode(200)
                .body("when", containsString("12 months")).body("file", notNullValue());
        as(KEY_A).get("/v1/rules/isotretinoin").then().statusCode(200).body("when", containsString("6 months"));
    }

    @Test
    @Order(2)
    void aProcedureTheClinicDoesNotOfferIsUnknownThere() {
        Map<String, Object> prp = Intakes.healthyWoman(30).with("procedure", "prp-mesotherapy").body();
        screen(KEY_A, prp).statusCode(200).body("procedure.id", equalTo("prp-mesotherapy"));
        screen(KEY_B, prp).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-procedure"))
                .body("path", equalTo("procedure"))
                .body("detail", containsString("'prp-mesotherapy'"))
                .body("detail", containsString("this clinic offers mesotherapy-face, hydralift, mesolifting"));
        as(KEY_B).get("/v1/procedures").then().statusCode(200)
                .body("procedures.id", not(hasItem("prp-mesotherapy"))).body("procedures.id", hasItem("hydralift"))
                .body("ruleset.clinic", equalTo("clinic-b"));
        as(KEY_A).get("/v1/procedures").then().statusCode(200).body("procedures.id", hasItem("prp-mesotherapy"));
        as(KEY_B).get("/v1/questionnaire?procedure=prp-mesotherapy").then().statusCode(400)
                .body("code", equalTo("unknown-procedure"));
        as(KEY_B).get("/fhir/Questionnaire/mesoscreen-intake-prp-mesotherapy").then().statusCode(404);
        as(KEY_A).get("/fhir/Questionnaire/mesoscreen-intake-prp-mesotherapy").then().statusCode(200);
        // Without a procedure, B suggests and screens only what it offers.
        Map<String, Object> any = Intakes.healthyWoman(30).with("concerns", List.of("hair-loss")).body();
        any.remove("procedure");
        screen(KEY_B, any).statusCode(200).body("procedure.id", not(equalTo("prp-mesotherapy")))
                .body("alternatives.procedure", not(hasItem("prp-mesotherapy")));
    }

    @Test
    @Order(3)
    void questionnaireAndFhirFollowTheKeysClinic() {
        as(KEY_B).get("/v1/questionnaire").then().statusCode(200).body("ruleset.clinic", equalTo("clinic-b"));
        as(KEY_A).get("/v1/questionnaire").then().statusCode(200).body("ruleset.clinic", equalTo("clinic-a"));
        String etagA = as(KEY_A).get("/v1/procedures").then().extract().header("ETag");
        String etagB = as(KEY_B).get("/v1/procedures").then().extract().header("ETag");
        assertNotEquals(etagA, etagB, "a cached catalogue is one clinic's");
        as(KEY_B).header("If-None-Match", etagA).get("/v1/procedures").then().statusCode(200);
    }

    @Test
    @Order(3)
    void cdsHooksCallsOfAnEhrAreScreenedWithItsClinicsRules() {
        String url = "/cds-services/" + CdsHooksTest.SERVICE;
        String prp = Fhir.appointmentBook("prp-mesotherapy", Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of()), null);
        // Clinic B offers no PRP: the order is in no code it knows, so it is not screened.
        given().header("Authorization", "Bearer " + EhrStub.token("http://localhost:" + io.restassured.RestAssured.port
                        + url)).header("Accept-Language", "en").contentType(ContentType.JSON).body(prp).post(url)
                .then().statusCode(200)
                .body("cards.source.topic.code", org.hamcrest.Matchers.contains("unmapped-order"));
        String hydralift = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of()), null);
        given().header("Authorization", "Bearer " + EhrStub.token("http://localhost:" + io.restassured.RestAssured.port
                        + url)).header("Accept-Language", "en").contentType(ContentType.JSON).body(hydralift).post(url)
                .then().statusCode(200)
                .body("cards.source.topic.code", not(hasItem("unmapped-order")));
    }

    @Test
    @Order(4)
    void publishableKeysDoWhatTheFormDoesFromTheClinicsWebsite() {
        given().header("X-API-Key", PAGE_B).header("Origin", SITE_B).get("/v1/questionnaire?procedure=hydralift")
                .then().statusCode(200).header("Access-Control-Allow-Origin", SITE_B)
                .body("ruleset.clinic", equalTo("clinic-b"));
        given().header("X-API-Key", PAGE_B).header("Origin", SITE_B).get("/v1/procedures")
                .then().statusCode(200).body("procedures.id", not(hasItem("prp-mesotherapy")));
        given().header("X-API-Key", PAGE_B).header("Origin", SITE_B).contentType(ContentType.JSON)
                .body(stoppedEightMonthsBefore()).post("/v1/screenings")
                .then().statusCode(200).body("eligibility", equalTo("DEFER")).body("ruleset.clinic", equalTo("clinic-b"));
        // What the SMART app posts: the answers as a QuestionnaireResponse.
        given().header("X-API-Key", PAGE_B).header("Origin", SITE_B).contentType("application/fhir+json")
                .body("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":"
                        + "\"patient.age\",\"answer\":[{\"valueInteger\":30}]}]}").post("/v1/screenings")
                .then().statusCode(200).body("ruleset.clinic", equalTo("clinic-b"));
        // The browser's preflight for the key header, from the clinic's site.
        given().header("Origin", SITE_A).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key").options("/v1/screenings")
                .then().statusCode(200).header("Access-Control-Allow-Origin", SITE_A);
    }

    @Test
    @Order(5)
    void publishableKeysAreRefusedEverywhereElse() {
        // Another clinic's website, allowed to call with its own key.
        refused(given().header("X-API-Key", PAGE_A).header("Origin", SITE_B).get("/v1/procedures"), "another website");
        // A website of no clinic: CORS turns it away first.
        given().header("X-API-Key", PAGE_A).header("Origin", "https://elsewhere.example").get("/v1/procedures")
                .then().statusCode(403).body("code", equalTo("origin-not-allowed"));
        refused(given().header("X-API-Key", PAGE_A).get("/v1/procedures"), "no Origin");
        refused(given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).get("/v1/rules"), "GET /v1/questionnaire");
        refused(given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).get("/v1/procedures/hydralift"),
                "GET /v1/procedures");
        // Under /fhir, as an OperationOutcome.
        given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).get("/fhir/Questionnaire/mesoscreen-intake")
                .then().statusCode(403).body(containsString("publishable-key-not-allowed"))
                .body(containsString("secret key"));
        refused(given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).contentType("application/xml")
                .body("<QuestionnaireResponse/>").post("/v1/screenings"), "application/json or application/fhir+json only");
        given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).contentType("application/fhir+json").body("{}")
                .post("/fhir/QuestionnaireResponse/$screen").then().statusCode(403)
                .body(containsString("publishable-key-not-allowed")).body(containsString("$populate); call this with a secret"));
        given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).contentType(ContentType.JSON).body("{}")
                .post("/fhir/Questionnaire/mesoscreen-intake/$populate").then().statusCode(403)
                .body(containsString("$populate as application/fhir+json only"));
        // A same-origin read carries no Origin: the browser's Sec-Fetch-Site names the page as the service's own.
        refused(given().header("X-API-Key", PAGE_A).header("Sec-Fetch-Site", "same-origin").get("/v1/procedures"),
                "another website");
        // Never an admin key, whichever header carries it.
        refused(given().header("X-Admin-Key", PAGE_A).header("Origin", SITE_A).post("/admin/rules/reload"), "/admin");
        refused(given().header("X-API-Key", PAGE_A).header("Origin", SITE_A).post("/admin/rules/reload"), "/admin");
        // A made-up pk_ is just a wrong key.
        given().header("X-API-Key", "pk_made_up").header("Origin", SITE_A).get("/v1/procedures").then().statusCode(401);
    }

    private static void refused(io.restassured.response.Response response, String why) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("publishable-key-not-allowed"))
                .body("detail", containsString(why));
    }

    @Test
    @Order(6)
    void metricsNameTheClinic() {
        screen(KEY_B, stoppedEightMonthsBefore()).statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mesoscreen_screenings_total{clinic=\"clinic-b\",eligibility=\"DEFER\""))
                .body(containsString("mesoscreen_rule_hits_total{clinic=\"clinic-b\",outcome=\"fires\",rule=\"isotretinoin\""));
    }

    @Test
    @Order(7)
    void aBrokenOverlayKeepsThatClinicsLastGoodSetAndHoldsBackNoOther() throws IOException {
        String a = screen(KEY_A, stoppedEightMonthsBefore()).extract().path("ruleset.digest");
        String b = screen(KEY_B, stoppedEightMonthsBefore()).extract().path("ruleset.digest");
        Path isotretinoin = clinics.resolve("clinic-b/checks/isotretinoin.yaml");
        Files.writeString(isotretinoin, twelveMonthIsotretinoin().replace("months: 12", "monhts: 12"));
        Files.writeString(clinics.resolve("clinic-a/clinic.yaml"), "version: \"2\"\n", java.nio.file.StandardOpenOption.APPEND);
        given().header("X-Admin-Key", ADMIN).post("/admin/rules/reload").then().statusCode(422)
                .body("code", equalTo("rules-invalid"))
                .body("errors.detail", hasItem(startsWith("ERROR: clinic-b/checks/isotretinoin.yaml:9:")));
        screen(KEY_B, stoppedEightMonthsBefore()).body("ruleset.digest", equalTo(b)).body("eligibility", equalTo("DEFER"));
        String reloaded = screen(KEY_A, stoppedEightMonthsBefore()).body("ruleset.version", equalTo(
                Intakes.RULES.version() + "+clinic-a.2")).extract().path("ruleset.digest");
        assertNotEquals(a, reloaded, "clinic A's change is in force");
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'rules-reload clinic-b' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'rules-reload clinic-a' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rules-reload' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rules-reload clinic-b' }.data", nullValue());
        given().header("X-Admin-Key", ADMIN).get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'rules-reload clinic-b' }.data.inForce", equalTo(b))
                .body("checks.find { it.name == 'rules-reload clinic-b' }.data.error1",
                        startsWith("ERROR: clinic-b/checks/isotretinoin.yaml:9:"))
                .body("checks.find { it.name == 'rules-reload clinic-a' }.data.inForce", equalTo(reloaded));
        Files.writeString(isotretinoin, twelveMonthIsotretinoin());
        given().header("X-Admin-Key", ADMIN).post("/admin/rules/reload").then().statusCode(200)
                .body("status", equalTo("unchanged"))
                .body("clinics.find { it.clinic == 'clinic-b' }.status", equalTo("unchanged"))
                .body("clinics.find { it.clinic == 'clinic-b' }.ruleset.digest", equalTo(b));
        given().get("/q/health/well").then().statusCode(200);
        assertEquals(b, screen(KEY_B, stoppedEightMonthsBefore()).extract().path("ruleset.digest"));
    }
}
