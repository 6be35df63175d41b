package mesoscreen;

import static mesoscreen.ScreeningResourceTest.screen;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import mesoscreen.rules.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Codes, names, languages, dates, procedures and concerns reaching the right answer, over HTTP. */
@QuarkusTest
class ClinicalKnowledgeTest {

    private static Intakes woman() {
        return Intakes.healthyWoman(35);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "conditions,  icd-10, D68.0,     bleeding-disorder",
        "conditions,  icd-10, C50.9,     tumor",
        "conditions,  icd-10, N18.5,     chronic-renal-failure",
        "conditions,  icd-10, G40.9,     epilepsy",
        "conditions,  http://hl7.org/fhir/sid/icd-10, L91.0, keloid-tendency",
        "conditions,  snomed, 64779008,  bleeding-disorder",
        "conditions,  snomed, 709044004, chronic-renal-failure",
        "conditions,  http://snomed.info/sct, 77386006, pregnancy",
        "medications, atc,    B01AF01,   anticoagulant-therapy",
        "medications, atc,    B01AC06,   anticoagulant-therapy",
        "medications, http://www.whocc.no/atc, D10BA01, isotretinoin",
        "medications, atc,    L04AX03,   immunosuppression",
        "medications, rxnorm, 11289,     anticoagulant-therapy",
        "medications, http://www.nlm.nih.gov/research/umls/rxnorm, 32968, anticoagulant-therapy",
    })
    void everyCodeSystemReachesItsFinding(String list, String system, String code, String finding) {
        screen(woman().with(list, List.of(Map.of("system", system, "code", code))).body())
                .statusCode(200)
                .body("contraindications.id", hasItem(finding))
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "medications, Xarelto 20 mg,            anticoagulant-therapy",
        "medications, ELIQUIS 5mg tablets,      anticoagulant-therapy",
        "medications, Plavix,                   anticoagulant-therapy",
        "medications, Roaccutane,               isotretinoin",
        "medications, ксарелто,                 anticoagulant-therapy",
        "medications, Варфарин 2.5 мг,          anticoagulant-therapy",
        "medications, varfarin,                 anticoagulant-therapy",
        "medications, Xareltto,                 anticoagulant-therapy",
        "medications, Eliqius,                  anticoagulant-therapy",
        "conditions,  hemophilia A,             bleeding-disorder",
        "conditions,  гемофилия,                bleeding-disorder",
        "conditions,  hemofili,                 bleeding-disorder",
        "conditions,  хроническая почечная недостаточность, chronic-renal-failure",
        "conditions,  kronik böbrek yetmezliği, chronic-renal-failure",
        "conditions,  Epilepsi,                 epilepsy",
        "allergies,   hyaluronic acid,          component-intolerance",
        "allergies,   гиалуроновая кислота,     component-intolerance",
    })
    void namesInThreeLanguagesAndTyposReachTheirFinding(String list, String text, String finding) {
        screen(woman().with(list, List.of(Map.of("text", text))).body())
                .statusCode(200)
                .body("contraindications.id", hasItem(finding))
                .body("unrecognized", empty());
    }

    @Test
    void typoIsExplainedInTheEvidence() {
        screen(woman().with("medications", List.of(Map.of("text", "Xareltto"))).body())
                .body("contraindications[0].evidence[0]", containsString("(read as 'xarelto')"));
    }

    @Test
    void shortNamesDoNotForgiveTypos() {
        // "Plavx" is one letter off a five-letter brand: too short to guess, so a clinician reviews it.
        screen(woman().with("medications", List.of(Map.of("text", "Plavx"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("unrecognized.path", contains("medications"));
    }

    @Test
    void unrecognisedMedicationComesBackForReview() {
        screen(woman().with("medications", List.of(Map.of("text", "Zzyxolam 10 mg"),
                Map.of("system", "atc", "code", "A02BC01"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("unrecognized.path", contains("medications", "medications"))
                .body("unrecognized.entry", contains("'Zzyxolam 10 mg'", "atc A02BC01"))
                .body("warnings.id", hasItem("unrecognized-entries"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "isotretinoin stopped 2026-08-01, medications, 'Roaccutane', 2026-08-01, 2027-02-01, isotretinoin",
        "botulinum toxin on 2026-11-25,   recentProcedures, botulinum-toxin, 2026-11-25, 2026-12-09, recent-injectable-treatment",
        "filler on 2026-11-20,            recentProcedures, filler, 2026-11-20, 2026-12-04, recent-injectable-treatment",
        "chemical peel on 2026-11-25,     recentProcedures, chemical-peel, 2026-11-25, 2026-12-09, recent-skin-resurfacing",
        "laser resurfacing on 2026-11-20, recentProcedures, laser-resurfacing, 2026-11-20, 2026-12-18, recent-skin-resurfacing",
        "dermabrasion on 2026-11-10,      recentProcedures, dermabrasion, 2026-11-10, 2026-12-08, recent-skin-resurfacing",
    })
    void dateBoundDeferralsGiveEligibleFrom(String name, String list, String what, String date, String eligibleFrom,
                                            String finding) {
        Intakes intake = woman();
        if (list.equals("medications")) {
            intake.answer("isotretinoin", "yes").with(list, List.of(Map.of("text", what, "stoppedOn", date)));
        } else {
            intake.answer("recentAestheticProcedure", "yes").with(list, List.of(Map.of("type", what, "date", date)));
        }
        screen(intake.body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains(finding))
                .body("contraindications[0].until", equalTo(eligibleFrom))
                .body("eligibleFrom", equalTo(eligibleFrom))
                .body("suggestedCourse.schedule[0]", equalTo(eligibleFrom));
    }

    @Test
    void deferralWithoutAnEndHasNoEligibleFrom() {
        screen(woman().answer("isotretinoin", "yes").with("medications", List.of(Map.of("text", "isotretinoin"))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("eligibleFrom", nullValue())
                .body("suggestedCourse.schedule", empty());
        screen(woman().answer("recentAestheticProcedure", "yes")
                .with("recentProcedures", List.of(Map.of("type", "chemical-peel", "date", "2026-11-25")))
                .answer("pregnant", "yes").body())
                .body("eligibility", equalTo("DEFER"))
                .body("eligibleFrom", nullValue());
    }

    @Test
    void windowThatHasClosedIsClear() {
        screen(woman().answer("recentAestheticProcedure", "yes")
                .with("recentProcedures", List.of(Map.of("type", "chemical-peel", "date", "2026-10-01"))).body())
                .body("eligibility", equalTo("ELIGIBLE"));
        screen(woman().with("medications", List.of(Map.of("text", "Roaccutane", "stoppedOn", "2026-05-01"))).body())
                .body("contraindications", empty());
    }

    @Test
    void recentProcedureSaidButNotDatedIsIncomplete() {
        screen(woman().answer("recentAestheticProcedure", "yes").body())
                .body("eligibility", equalTo("INCOMPLETE"))
                .body("missingAnswers.question", hasItem("recentProcedures"));
    }

    static List<String> procedures() {
        return List.copyOf(Intakes.RULES.procedures().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void everyProcedureGivesItsCourse(String id) {
        Procedure procedure = Intakes.RULES.procedures().get(id);
        Procedure.Programme programme = procedure.programmes().get(0);
        int weeksMax = ((programme.sessions().max() - 1) * programme.intervalDays().max() + 6) / 7;
        screen(woman().with("procedure", id).body())
                .statusCode(200)
                .body("procedure.id", equalTo(id))
                .body("suggestedCourse.procedure", equalTo(id))
                .body("suggestedCourse.programme", equalTo(programme.id()))
                .body("suggestedCourse.sessions.min", equalTo(programme.sessions().min()))
                .body("suggestedCourse.sessions.max", equalTo(programme.sessions().max()))
                .body("suggestedCourse.intervalDays.min", equalTo(programme.intervalDays().min()))
                .body("suggestedCourse.intervalDays.max", equalTo(programme.intervalDays().max()))
                .body("suggestedCourse.sessionMinutes", equalTo(procedure.sessionMinutes().max()))
                .body("suggestedCourse.totalWeeks.max", equalTo(weeksMax))
                .body("suggestedCourse.schedule", hasSize(programme.sessions().min()))
                .body("suggestedCourse.schedule[0]", equalTo("2026-12-01"))
                .body("preparation", not(empty()))
                .body("aftercare", not(empty()));
    }

    @Test
    void hydraliftScheduleIsThreeWeeklySessions() {
        screen(woman().body())
                .body("suggestedCourse.schedule", contains("2026-12-01", "2026-12-08", "2026-12-15"))
                .body("suggestedCourse.totalWeeks.min", equalTo(2))
                .body("suggestedCourse.repeatAfterMonths", equalTo(6));
    }

    @Test
    void disagreeingSourcesAreKeptAsProgrammes() {
        screen(woman().with("procedure", "mesotherapy-face").body())
                .body("suggestedCourse.programme", equalTo("standard"))
                .body("suggestedCourse.otherProgrammes", hasItem("extended"));
    }

    @Test
    void concernsWithoutProcedureGetASuggestionAndIndications() {
        screen(woman().with("procedure", null).with("concerns", List.of("cellulite", "stretch-marks")).body())
                .body("procedure.id", equalTo("mesotherapy-body"))
                .body("procedure.suggested", equalTo(true))
                .body("indications.concern", contains("stretch-marks", "cellulite"))
                .body("indications[0].message", not(empty()))
                .body("suggestedCourse.procedure", equalTo("mesotherapy-body"));
    }

    @Test
    void suggestionAvoidsAProcedureTheConcernsAllowButThePatientCannotHave() {
        // A platelet disorder rules out PRP only; for face concerns another procedure is suggested.
        screen(woman().with("procedure", null).answer("plateletDisorder", "yes")
                .with("concerns", List.of("wrinkles")).body())
                .body("procedure.id", not(equalTo("prp-mesotherapy")));
    }

    @Test
    void concernTheProcedureDoesNotTreatGetsANote() {
        screen(woman().with("concerns", List.of("hair-loss")).body())
                .body("indications", empty())
                .body("notes.id", hasItem("concern-not-treated"));
    }

    @Test
    void ingredientAllergyNamesProceduresWithoutIt() {
        screen(woman().with("allergies", List.of(Map.of("text", "DMAE"))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications[0].id", equalTo("component-intolerance"))
                .body("contraindications[0].evidence[0]", containsString("an ingredient of hydralift"))
                .body("alternatives.procedure", hasItems("mesolifting", "needle-free-mesotherapy"))
                .body("alternatives.procedure", not(hasItem("hydralift")))
                .body("suggestedCourse", nullValue())
                .body("summary", containsString("Face mesolifting"));
    }

    @Test
    void pacemakerRulesOutElectroporationOnly() {
        screen(woman().with("procedure", "needle-free-mesotherapy").answer("pacemakerOrImplant", "yes").body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("pacemaker-or-implant"));
        screen(woman().answer("pacemakerOrImplant", "yes").body())
                .body("eligibility", equalTo("ELIGIBLE"));
    }

    @Test
    void plateletDisorderRulesOutPrpOnly() {
        screen(woman().with("procedure", "prp-mesotherapy").answer("plateletDisorder", "yes").body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("platelet-disorder"));
        screen(woman().answer("plateletDisorder", "yes").body())
                .body("eligibility", equalTo("ELIGIBLE"));
    }

    @Test
    void minorsAreDeferredAndUnknownAgeIsIncomplete() {
        screen(Intakes.healthyWoman(17).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("under-18"));
        screen(woman().with("patient", Map.of("sex", "female")).body())
                .body("eligibility", equalTo("INCOMPLETE"))
                .body("missingAnswers.question", contains("patient.age"));
        screen(woman().with("patient", Map.of("sex", "female", "birthDate", "2009-06-01")).body())
                .body("eligibility", equalTo("DEFER"))
                .body("eligibleFrom", equalTo("2027-06-01"));
    }

    @Test
    void olderPatientsAreEligibleWithAnExpectationNote() {
        screen(Intakes.healthyMan(70).body())
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("notes.id", hasItem("over-65"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "relative contraindications, autoimmuneDisease, autoimmune-disease",
        "relative contraindications, uncontrolledDiabetes, uncontrolled-diabetes",
        "relative contraindications, epilepsy, epilepsy",
        "relative contraindications, immunosuppression, immunosuppression",
    })
    void relativeContraindicationsRefer(String kind, String question, String id) {
        screen(woman().answer(question, "yes").body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains(id));
    }

    @Test
    void activeHerpesAndInflamedSkinDefer() {
        screen(woman().answer("activeHerpes", "yes").body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", hasItem("active-herpes"));
        screen(woman().answer("skinInflammation", "yes").body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("skin-inflammation"));
    }

    @Test
    void precautionsWarnWithoutRulingOut() {
        screen(woman().with("medications", List.of(Map.of("text", "ibuprofen 400 mg"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("warnings.id", contains("bruising-risk-medication"))
                .body("warnings[0].message", containsString("agreement"));
        screen(woman().answer("herpesHistory", "yes").body())
                .body("warnings.id", contains("herpes-history"));
        screen(woman().with("allergies", List.of(Map.of("text", "lidocaine"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("warnings.id", contains("anaesthetic-allergy"));
        screen(woman().with("procedure", "needle-free-mesotherapy")
                .with("allergies", List.of(Map.of("text", "lidocaine"))).body())
                .body("eligibility", equalTo("ELIGIBLE"));
        screen(woman().with("procedure", "mesotherapy-face").with("allergies", List.of(Map.of("text", "fish"))).body())
                .body("warnings.id", contains("fish-allergy"));
    }

    @Test
    void careInstructionsFollowTheLanguage() {
        RestAssured.given().contentType(ContentType.JSON).header("Accept-Language", "tr").body(woman().body())
                .when().post("/v1/screenings")
                .then().statusCode(200)
                .body("preparation", not(empty()))
                .body("aftercare", not(empty()))
                .body("aftercare[0]", not(equalTo(Intakes.RULES.aftercare().get(0).text().in("en"))));
    }
}
