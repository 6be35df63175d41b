package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a form needs from a result: findings it can point back at the request's fields with, and a summary it
 * can show a patient, in the request's language, naming questions by their labels.
 */
@QuarkusTest
class FindingFactsTest {

    private static ValidatableResponse screen(Intakes intake, String language) {
        return given().contentType("application/json").header("Accept-Language", language).body(intake.body())
                .post("/v1/screenings").then().statusCode(200);
    }

    @Test
    void anAnswerIsAFactAtItsPointer() {
        screen(Intakes.healthyWoman(30).answer("pregnant", "yes"), "en")
                .body("contraindications.find { it.id == 'pregnancy' }.facts",
                        hasItem(Map.of("path", "/answers/pregnant", "value", "yes", "matched", "yes")));
    }

    @Test
    void freeTextReadWithATypoSaysWhatItWasReadAs() {
        screen(Intakes.healthyWoman(45).with("medications", List.of(Map.of("text", "Xarelta 20 mg"))), "en")
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.find { it.id == 'anticoagulant-therapy' }.facts", hasItem(Map.of(
                        "path", "/medications", "field", "text", "value", "Xarelta 20 mg", "matched", "anticoagulant",
                        "readAs", "xarelto")))
                // the evidence line stays as it was
                .body("contraindications.find { it.id == 'anticoagulant-therapy' }.evidence[0]",
                        containsString("'Xarelta 20 mg' = anticoagulant"));
    }

    @Test
    void aCodeIsAFactWithTheCodeAsSent() {
        screen(Intakes.healthyWoman(45).with("conditions", List.of(Map.of("system", "icd-10", "code", "D66"))), "en")
                .body("contraindications.find { it.id == 'bleeding-disorder' }.facts", hasItem(Map.of(
                        "path", "/conditions", "field", "code", "value", "D66", "matched", "bleeding-disorder")));
    }

    @Test
    void theSummaryNamesQuestionsByTheirLabelsInTheRequestsLanguage() {
        for (String language : List.of("en", "ru", "tr")) {
            String label = Intakes.RULES.questions().get("bleedingDisorder").label().in(language).replaceAll("[?.]+$", "");
            screen(Intakes.healthyWoman(45).without("bleedingDisorder"), language)
                    .body("eligibility", equalTo("INCOMPLETE"))
                    .body("summary", containsString(label))
                    .body("summary", not(containsString("bleedingDisorder")));
        }
    }
}
