package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ScreeningResourceTest {

    static ValidatableResponse screen(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/screenings")
                .then();
    }

    @ParameterizedTest(name = "{0} = yes raises {1} ({2})")
    @CsvSource({
        "pregnant, pregnancy, temporary, DEFER",
        "breastfeeding, breastfeeding, temporary, DEFER",
        "menstruating, menstruation, temporary, DEFER",
        "acuteInfection, acute-infection, temporary, DEFER",
        "keloidTendency, keloid-tendency, absolute, NOT_ELIGIBLE",
        "componentIntolerance, component-intolerance, absolute, NOT_ELIGIBLE",
        "allergicDisease, allergic-disease, relative, REFER",
        "bleedingDisorder, bleeding-disorder, absolute, NOT_ELIGIBLE",
        "anticoagulants, anticoagulant-therapy, relative, REFER",
        "chronicCardiovascularDisease, chronic-cardiovascular-disease, relative, REFER",
        "tumor, tumor, absolute, NOT_ELIGIBLE",
        "chronicRenalFailure, chronic-renal-failure, absolute, NOT_ELIGIBLE"
    })
    void eachSeedContraindicationFiresOnItsAnswer(String question, String id, String severity, String eligibility) {
        screen(Intakes.healthyWoman(35).answer(question, "yes").body())
                .statusCode(200)
                .body("eligibility", equalTo(eligibility))
                .body("contraindications", hasSize(1))
                .body("contraindications[0].id", equalTo(id))
                .body("contraindications[0].severity", equalTo(severity))
                .body("contraindications[0].evidence", contains("answers." + question + " = yes"))
                .body("contraindications[0].message", not(empty()))
                .body("contraindications[0].source", containsString("seed"))
                .body("contraindications[0].reassess", severity.equals("temporary") ? notNullValue() : nullValue())
                .body("missingAnswers", empty());
    }

    @Test
    void healthyWomanIsEligibleWithTheHydraliftCourse() {
        screen(Intakes.healthyWoman(34).body())
                .statusCode(200)
                .header("Content-Language", "en")
                .header("Cache-Control", "no-store")
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("summary", startsWith("Eligible"))
                .body("contraindications", empty())
                .body("warnings", empty())
                .body("missingAnswers", empty())
                .body("suggestedCourse.procedure", equalTo("hydralift"))
                .body("suggestedCourse.sessions.min", equalTo(3))
                .body("suggestedCourse.sessions.max", equalTo(3))
                .body("suggestedCourse.intervalDays.min", equalTo(7))
                .body("suggestedCourse.sessionMinutes", equalTo(30))
                .body("suggestedCourse.repeatAfterMonths", equalTo(6))
                .body("ruleset.version", notNullValue())
                .body("ruleset.digest", startsWith("sha256:"));
    }

    @Test
    void healthyManIsEligibleWithoutBeingAskedAboutPregnancy() {
        screen(Intakes.healthyMan(45).with("procedure", "mesotherapy-face").body())
                .statusCode(200)
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("missingAnswers", empty())
                .body("suggestedCourse.procedure", equalTo("mesotherapy-face"))
                .body("suggestedCourse.sessions.min", equalTo(4))
                .body("suggestedCourse.sessions.max", equalTo(10))
                .body("suggestedCourse.intervalDays.min", equalTo(7))
                .body("suggestedCourse.intervalDays.max", equalTo(10));
    }

    @Test
    void womanWhoLeavesPregnancyQuestionsOpenIsIncomplete() {
        screen(Intakes.healthyWoman(30).without("pregnant").answer("breastfeeding", "unknown").body())
                .statusCode(200)
                .body("eligibility", equalTo("INCOMPLETE"))
                .body("contraindications", empty())
                .body("missingAnswers.question", contains("pregnant", "breastfeeding"))
                .body("missingAnswers[0].because", contains("pregnancy"))
                .body("missingAnswers[1].because", contains("breastfeeding"))
                .body("missingAnswers[0].label", containsString("pregnant"))
                // the summary is for people: the questions by their labels, not their ids
                .body("summary", containsString(Intakes.RULES.questions().get("pregnant").label().in("en")
                        .replaceAll("[?.]+$", "") + "; " + Intakes.RULES.questions().get("breastfeeding").label()
                        .in("en").replaceAll("[?.]+$", "")))
                .body("summary", not(containsString("pregnant, breastfeeding")));
    }

    @Test
    void summaryCountsTheQuestionsLeftAndNamesTheFirstThree() {
        // Pregnant, and nothing else answered: about twenty questions remain.
        ValidatableResponse answer = screen(Map.of("procedure", "hydralift", "patient", Map.of("age", 30, "sex", "female"),
                "answers", Map.of("pregnant", "yes")))
                .statusCode(200)
                .body("eligibility", equalTo("DEFER"));
        List<String> missing = answer.extract().path("missingAnswers.question");
        String summary = answer.extract().path("summary");
        org.junit.jupiter.api.Assertions.assertTrue(missing.size() > 3, "missingAnswers keeps every question");
        List<String> labels = answer.extract().path("missingAnswers.label");
        String named = String.join("; ", labels.subList(0, 3).stream().map(l -> l.replaceAll("[?.]+$", "")).toList());
        org.junit.jupiter.api.Assertions.assertEquals("Defer: a temporary contraindication was found; treat once it has"
                + " passed. Because of: Pregnancy. " + missing.size() + " questions still to answer, first: " + named
                + ".", summary);
        given().contentType(ContentType.JSON).header("Accept-Language", "ru")
                .body(Map.of("procedure", "hydralift", "patient", Map.of("age", 30, "sex", "female"),
                        "answers", Map.of("pregnant", "yes")))
                .post("/v1/screenings").then().statusCode(200)
                .body("summary", containsString("Осталось вопросов без ответа: " + missing.size() + ";"));
    }

    @Test
    void patientOfUnknownSexIsAskedAboutPregnancy() {
        screen(Map.of("procedure", "hydralift", "patient", Map.of("age", 30)))
                .statusCode(200)
                .body("eligibility", equalTo("INCOMPLETE"))
                .body("missingAnswers.question", hasItem("pregnant"))
                .body("missingAnswers.question", hasItem("breastfeeding"));
    }

    @Test
    void absoluteOutranksTemporaryAndNoCourseIsSuggested() {
        screen(Intakes.healthyWoman(30).answer("pregnant", "yes").answer("bleedingDisorder", "yes").body())
                .statusCode(200)
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("bleeding-disorder", "pregnancy"))
                .body("suggestedCourse", nullValue())
                .body("summary", containsString("Bleeding"));
    }

    @Test
    void temporaryOutranksRelativeAndRelativeOutranksUnknown() {
        screen(Intakes.healthyWoman(30).answer("pregnant", "yes").answer("anticoagulants", "yes").body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("pregnancy", "anticoagulant-therapy"))
                .body("suggestedCourse.procedure", equalTo("hydralift"));
        screen(Intakes.healthyWoman(30).answer("anticoagulants", "yes").answer("tumor", "unknown").body())
                .body("eligibility", equalTo("REFER"))
                .body("missingAnswers.question", contains("tumor"));
    }

    @Test
    void codedConditionOutweighsAnAnswerOfNo() {
        screen(Intakes.healthyWoman(30)
                .with("conditions", List.of(Map.of("system", "icd-10", "code", "D66"))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications[0].id", equalTo("bleeding-disorder"))
                .body("contraindications[0].evidence", contains("conditions: icd-10 D66 = bleeding-disorder"));
        screen(Intakes.healthyWoman(30).with("conditions",
                List.of(Map.of("system", "http://snomed.info/sct", "code", "77386006"))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications[0].id", equalTo("pregnancy"));
    }

    @Test
    void medicationByBrandNameRaisesAnticoagulantTherapy() {
        screen(Intakes.healthyMan(61).with("medications", List.of(Map.of("text", "Xarelto 20 mg"))).body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications[0].id", equalTo("anticoagulant-therapy"))
                .body("contraindications[0].evidence[0]", containsString("Xarelto 20 mg"));
    }

    @Test
    void allergyToAnIngredientOfTheProcedureRaisesComponentIntolerance() {
        screen(Intakes.healthyWoman(30).with("allergies", List.of(Map.of("text", "hyaluronic acid"))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications[0].id", equalTo("component-intolerance"));
    }

    @Test
    void unrecognizedEntryIsReturnedAndAllowsAtBestPrecautions() {
        screen(Intakes.healthyWoman(30).with("medications", List.of(Map.of("text", "Qwertyzol"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("unrecognized[0].path", equalTo("medications"))
                .body("warnings.id", contains("unrecognized-entries"))
                .body("warnings[0].evidence", contains("medications: 'Qwertyzol'"));
    }

    @Test
    void messagesFollowAcceptLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
                .body(Intakes.healthyWoman(30).answer("pregnant", "yes").body())
                .when().post("/v1/screenings")
                .then().statusCode(200)
                .header("Content-Language", "ru")
                .body("contraindications[0].title", equalTo("Беременность"));
        given().contentType(ContentType.JSON).header("Accept-Language", "tr")
                .body(Intakes.healthyWoman(30).answer("pregnant", "yes").body())
                .when().post("/v1/screenings")
                .then().header("Content-Language", "tr")
                .body("contraindications[0].title", equalTo("Gebelik"));
        given().contentType(ContentType.JSON).header("Accept-Language", "de-DE")
                .body(Intakes.healthyWoman(30).body())
                .when().post("/v1/screenings")
                .then().header("Content-Language", "en");
    }

    @Test
    void withoutProcedureOneIsSuggestedForTheConcerns() {
        screen(Intakes.healthyWoman(30).with("procedure", null).with("concerns", List.of("hair-loss")).body())
                .statusCode(200)
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("procedure.id", equalTo("mesotherapy-hair"))
                .body("procedure.suggested", equalTo(true))
                .body("indications.concern", contains("hair-loss"))
                .body("suggestedCourse.procedure", equalTo("mesotherapy-hair"));
    }

    @Test
    void everyFindingNamesTheRuleSetThatDecided() {
        String digest = given().get("/v1/rules").then().extract().path("ruleset.digest");
        screen(Intakes.healthyWoman(30).body()).body("ruleset.digest", equalTo(digest));
        screen(Intakes.healthyWoman(30).answer("tumor", "yes").body())
                .body("contraindications.source", everyItem(notNullValue()));
    }
}
