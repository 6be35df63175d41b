package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SMART app's launch over HTTP (SmartLaunchIT runs whole launches in Chromium), and the SMART link of the card
 * that lists the questions still to answer, on a deployment with the app configured.
 */
@QuarkusTest
@TestProfile(SmartLaunchTest.App.class)
class SmartLaunchTest {
    static final String CLIENT_ID = "mesoscreen-app-1";

    /** The CDS Hooks EHR of the other tests, with the SMART app registered for its FHIR server. */
    public static class App implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(new EhrStub.Profile().getConfigOverrides());
            settings.put("mesoscreen.smart.client-id", CLIENT_ID);
            settings.put("mesoscreen.smart.fhir-servers", EhrStub.base() + "/fhir/, https://ehr.clinic.example/fhir");
            return settings;
        }
    }

    private static io.restassured.response.Response launch(String iss) {
        return given().queryParam("iss", iss).queryParam("launch", "abc").get("/smart/launch");
    }

    @Test
    void theMissingAnswersCardLinksToTheAppWithTheProcedure() {
        String body = CdsHooksTest.call(CdsHooksTest.SERVICE, Fhir.appointmentBook("hydralift",
                Fhir.prefetch(Fhir.PATIENT_MALE, Map.of()), null), "en").statusCode(200).extract().asString();
        CdsServiceResponseJson cards = CdsHooksModelTest.bound(body, CdsServiceResponseJson.class);
        var missing = cards.getCards().stream().filter(c -> c.getSummary().contains("questions for the patient"))
                .findFirst().orElseThrow();
        assertEquals(2, missing.getLinks().size(), body);
        var smart = missing.getLinks().get(1);
        assertEquals("smart", smart.getType());
        assertEquals(CdsHooksTest.url("/smart/launch"), smart.getUrl());
        assertEquals("{\"procedure\":\"hydralift\"}", smart.getAppContext());
        assertEquals("Answer in Mesoscreen, prefilled from the chart: Mesotherapy hydralift", smart.getLabel());
        assertEquals("absolute", missing.getLinks().get(0).getType());
        // In Russian, with the same link.
        CdsHooksTest.call(CdsHooksTest.SERVICE, Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE,
                Map.of()), null), "ru").statusCode(200)
                .body("cards.links.flatten().find { it.type == 'smart' }.label", containsString("из медкарты"));
    }

    @Test
    void aListedServerGetsTheLaunchPageUnderAPolicyOfOurScriptsAndThatServerOnly() {
        launch(EhrStub.base() + "/fhir").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' " + EhrStub.base()
                        + " https://ehr.clinic.example;"))
                .header("Cache-Control", "no-store")
                .body(containsString("data-client-id=\"" + CLIENT_ID + "\""))
                .body(containsString("patient/QuestionnaireResponse.c"))
                .body(containsString("data-redirect=\"" + CdsHooksTest.url("/smart/app") + "\""))
                .body(containsString("<script src=\"fhir-client.js\" defer></script>"))
                .body(not(containsString("<script>")));
        // The same server named with a trailing slash or an upper-case host.
        launch(EhrStub.base() + "/fhir/").then().statusCode(200);
        launch("HTTPS://EHR.clinic.example:443/fhir").then().statusCode(200);
    }

    @Test
    void anyOtherServerGetsAnErrorPageThatRunsNothing() {
        for (String iss : List.of("https://evil.example/fhir", EhrStub.base() + "/other", EhrStub.base() + "/fhir/x",
                "http://ehr.clinic.example/fhir", "javascript:alert(1)")) {
            launch(iss).then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("not one Mesoscreen works with"))
                    .body(containsString("MESOSCREEN_SMART_FHIR_SERVERS"))
                    .body(not(containsString("<script")))
                    .body(not(containsString("evil.example")));
        }
        given().get("/smart/launch?iss=https://ehr.clinic.example/fhir").then().statusCode(400)
                .body(containsString("Open Mesoscreen from the EHR"));
    }

    @Test
    void theAppPageAndItsFilesAreServed() {
        given().get("/smart/app").then().statusCode(200).body(containsString("<script type=\"module\" src=\"app.js\">"));
        given().get("/smart/fhir-client.js").then().statusCode(200).body(containsString("oauth2"));
        given().get("/smart/app.js").then().statusCode(200);
        given().get("/smart/launch.js").then().statusCode(200);
    }
}
