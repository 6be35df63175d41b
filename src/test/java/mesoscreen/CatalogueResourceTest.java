package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogueResourceTest {

    @Test
    void listsProceduresWithTheirCourses() {
        given().get("/v1/procedures").then().statusCode(200)
                .body("procedures.id", contains("mesotherapy-face", "hydralift", "mesolifting", "mesotherapy-hair",
                        "mesotherapy-body", "prp-mesotherapy", "needle-free-mesotherapy"))
                .body("procedures.find { it.id == 'hydralift' }.areas", contains("face", "neck", "decollete"))
                .body("procedures.find { it.id == 'hydralift' }.ingredients", hasItems("hyaluronic-acid", "dmae"))
                .body("procedures.find { it.id == 'hydralift' }.programmes[0].repeatAfterMonths", equalTo(6))
                .body("procedures.find { it.id == 'mesotherapy-face' }.programmes.id", hasItems("standard", "extended"))
                .body("procedures.find { it.id == 'mesolifting' }.stages", hasSize(3))
                .body("procedures.find { it.id == 'mesotherapy-hair' }.treats", hasItems("hair-loss"))
                .body("procedures.find { it.id == 'hydralift' }.preparation", not(empty()))
                .body("procedures.find { it.id == 'hydralift' }.aftercare", not(empty()));
    }

    @Test
    void getsOneProcedureInTheRequestedLanguage() {
        given().header("Accept-Language", "ru").get("/v1/procedures/hydralift").then().statusCode(200)
                .header("Content-Language", "ru")
                .body("name", containsString("гидролифт"))
                .body("sessionMinutes.min", equalTo(30));
    }

    @Test
    void unknownProcedureIs404WithSuggestion() {
        given().get("/v1/procedures/hydrolift").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-procedure"))
                .body("detail", equalTo("no procedure 'hydrolift'; did you mean 'hydralift'?"));
    }

    @Test
    void listsEveryRuleForReview() {
        given().get("/v1/rules").then().statusCode(200)
                .body("rules", hasSize(Intakes.RULES.rules().size()))
                .body("rules.id", hasItems("pregnancy", "bleeding-disorder", "anticoagulant-therapy"))
                .body("rules.find { it.id == 'anticoagulant-therapy' }.severity", equalTo("relative"))
                .body("rules.find { it.id == 'anticoagulant-therapy' }.asks", contains("anticoagulants"))
                .body("rules.find { it.id == 'anticoagulant-therapy' }.when",
                        equalTo("any(answer anticoagulants, medication anticoagulant, medication antiplatelet)"));
    }

    @Test
    void getsOneRuleWithItsExamples() {
        given().get("/v1/rules/pregnancy").then().statusCode(200)
                .body("kind", equalTo("contraindication"))
                .body("severity", equalTo("temporary"))
                .body("file", equalTo("rules/checks/pregnancy.yaml"))
                .body("examples", not(empty()))
                .body("examples.expect", hasItems("fires", "clear", "unknown"));
        given().get("/v1/rules/pregnancyy").then().statusCode(404)
                .body("code", equalTo("unknown-rule"))
                .body("detail", containsString("did you mean 'pregnancy'?"));
    }

    @Test
    void healthReportsTheRuleSetInForce() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.digest", containsString("sha256:"));
    }
}
