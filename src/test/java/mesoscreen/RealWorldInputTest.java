package mesoscreen;

import static mesoscreen.ScreeningResourceTest.screen;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases of issue 8, each as a physician or an EHR would send it: coded problem lists and free
 * text the rules' own examples do not contain, over HTTP, on a healthy patient who answered every
 * question "no" (so that the list alone decides).
 */
@QuarkusTest
class RealWorldInputTest {

    private static Intakes woman(String procedure) {
        return Intakes.healthyWoman(35).with("procedure", procedure);
    }

    private static Map<String, String> code(String code) {
        return Map.of("system", "icd-10", "code", code);
    }

    /** An ICD-10 code as a coded entry, anything else as free text. */
    private static Map<String, String> entry(String given) {
        return given.matches("[A-Z]\\d\\d.*") ? code(given) : Map.of("text", given);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
        "D69.3, hydralift", "D69.3, mesotherapy-face", "D69.1, hydralift", "D69.41, hydralift",
        "D69.49, mesotherapy-face", "D69.59, hydralift", "D69.51, mesotherapy-face",
    })
    void plateletDisorderCodesAreClottingDisordersForEveryProcedure(String code, String procedure) {
        screen(woman(procedure).with("conditions", List.of(code(code))).body())
                .statusCode(200)
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("bleeding-disorder"))
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "''{0}'' for {1}")
    @CsvSource({
        "ITP, hydralift", "ITP, mesotherapy-face", "low platelets, hydralift", "low platelets, mesotherapy-face",
        "Glanzmann thrombasthenia, hydralift", "Glanzmann thrombasthenia, mesotherapy-face",
        "idiopathic thrombocytopenic purpura, hydralift", "итп, hydralift", "düşük trombosit, mesotherapy-face",
    })
    void plateletDisorderWordsAreClottingDisordersForEveryProcedure(String text, String procedure) {
        screen(woman(procedure).with("conditions", List.of(Map.of("text", text))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("bleeding-disorder"))
                .body("unrecognized", empty());
    }

    @Test
    void plateletDisorderStillRulesOutPrpOnItsOwnAccount() {
        screen(woman("prp-mesotherapy").with("conditions", List.of(code("D69.3"))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", hasItems("bleeding-disorder", "platelet-disorder"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I50.9", "I10", "I11.9", "I12.9", "I13.0", "I15.0", "I20.9", "I21.4", "I25.10", "I48.0",
        "I48.91", "I50.22", "I63.9", "I70.0"})
    void heartFailureAndChapterICodesRefer(String code) {
        screen(woman("hydralift").with("conditions", List.of(code(code))).body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains("chronic-cardiovascular-disease"))
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Z33", "Z33.1", "Z32.1", "Z34", "Z34.0", "Z34.83", "Z35.5", "O00.9", "O24.4", "O26.89",
        "O99.8", "O9A.12"})
    void whoCodedPregnancyDefers(String code) {
        screen(woman("hydralift").with("conditions", List.of(code(code))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("pregnancy"))
                .body("eligibleFrom", nullValue())
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"D00.0", "D03.9", "D05.10", "D09.9", "D37.0", "D41.4", "D44.1", "D48.5", "D49.9"})
    void neoplasmsInSituAndOfUncertainBehaviourAreNotEligible(String code) {
        screen(woman("hydralift").with("conditions", List.of(code(code))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("tumor"))
                .body("unrecognized", empty());
    }

    @Test
    void fondaparinuxByAtcCodeRefers() {
        screen(woman("hydralift").with("medications", List.of(Map.of("system", "atc", "code", "B01AX05"))).body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains("anticoagulant-therapy"))
                .body("unrecognized", empty());
    }

    /**
     * The RXCUIs the issue names could not be confirmed in two public tables (medications.yaml says
     * why), so they stay out: such a code is returned for review and never clears the patient; the
     * same medicine by name is read.
     */
    @ParameterizedTest(name = "rxnorm {0} ({1})")
    @CsvSource({"1364430, Eliquis", "1114195, Xarelto", "5224, heparin", "67108, Clexane"})
    void rxnormCodesOfDoacsAndHeparinsAreReviewedNeverCleared(String rxcui, String name) {
        screen(woman("hydralift").with("medications", List.of(Map.of("system", "rxnorm", "code", rxcui))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("unrecognized.entry", contains("rxnorm " + rxcui))
                .body("warnings.id", hasItem("unrecognized-entries"));
        screen(woman("hydralift").with("medications", List.of(Map.of("system", "rxnorm", "code", rxcui, "text", name)))
                .body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains("anticoagulant-therapy"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"грипп, температура 38", "flu", "COVID-19", "fever", "pneumonia", "tonsillitis", "sinusitis",
        "ОРВИ", "ангина", "ateş", "zatürre", "soğuk algınlığı"})
    void acuteInfectionInTheConditionsListDefers(String text) {
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", text))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("acute-infection"))
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"J06.9", "J11.1", "J18.9", "J02.9", "J01.90", "U07.1", "R50.9", "A09"})
    void acuteInfectionCodesDefer(String code) {
        screen(woman("hydralift").with("conditions", List.of(code(code))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("acute-infection"));
    }

    @Test
    void hayFeverAndColdSoresAreNotAcuteInfections() {
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", "hay fever"))).body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains("allergic-disease"));
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", "cold sores"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("contraindications", empty())
                .body("warnings.id", contains("herpes-history"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "hydralift, REFER", "mesotherapy-face, REFER", "mesolifting, REFER", "mesotherapy-hair, REFER",
        "mesotherapy-body, REFER", "prp-mesotherapy, REFER", "needle-free-mesotherapy, NOT_ELIGIBLE",
    })
    void pacemakerImpliesChronicHeartDiseaseForEveryProcedure(String procedure, String eligibility) {
        for (Map<String, String> entry : List.of(code("Z95.0"), Map.of("text", "кардиостимулятор"))) {
            screen(woman(procedure).with("conditions", List.of(entry)).body())
                    .body("eligibility", equalTo(eligibility))
                    .body("contraindications.id", hasItem("chronic-cardiovascular-disease"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Z94.0", "пересадка почки", "kidney transplant", "böbrek nakli"})
    void kidneyTransplantIsChronicKidneyDisease(String given) {
        screen(woman("hydralift").with("conditions", List.of(entry(given))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", contains("chronic-renal-failure", "immunosuppression"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"asthma", "hay fever", "atopic eczema", "hives", "anaphylaxis", "бронхиальная астма",
        "поллиноз", "kurdeşen", "J45.909", "L50.9", "T78.40XA"})
    void allergicDiseaseInTheListRefers(String given) {
        screen(woman("hydralift").with("conditions", List.of(entry(given))).body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains("allergic-disease"))
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"cold sore now", "herpes outbreak", "обострение герпеса", "aktif uçuk"})
    void currentColdSoreInTheListDefers(String text) {
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", text))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("active-herpes"))
                .body("warnings.id", hasItem("herpes-history"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"psoriasis", "vitiligo", "autoimmune thyroid disease", "Hashimoto's thyroiditis", "псориаз",
        "витилиго", "sedef hastalığı", "L40.0", "L80", "E06.3"})
    void autoimmuneDiseasesTheQuestionNamesRefer(String given) {
        screen(woman("hydralift").with("conditions", List.of(entry(given))).body())
                .body("eligibility", equalTo("REFER"))
                .body("contraindications.id", contains("autoimmune-disease"))
                .body("unrecognized", empty());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Acnotin", "Sotret", "Сотрет 20 мг"})
    void isotretinoinBrandsDefer(String text) {
        screen(woman("hydralift").with("medications", List.of(Map.of("text", text))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("isotretinoin"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"benzocaine", "tetracaine", "amethocaine", "новокаин", "benzokain"})
    void esterAnaestheticAllergyWarnsAboutTheNumbingCream(String text) {
        screen(woman("hydralift").with("allergies", List.of(Map.of("text", text))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("warnings.id", contains("anaesthetic-allergy"))
                .body("unrecognized", empty());
    }

    @Test
    void under18DefersUntilTheEighteenthBirthday() {
        screen(woman("hydralift").with("patient", Map.of("birthDate", "2009-06-01", "sex", "female")).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("under-18"))
                .body("contraindications[0].until", equalTo("2027-06-01"))
                .body("eligibleFrom", equalTo("2027-06-01"))
                .body("suggestedCourse.schedule[0]", equalTo("2027-06-01"));
        // Born on 29 February: 18 whole years are complete on 1 March.
        screen(woman("hydralift").with("plannedDate", "2026-01-15")
                .with("patient", Map.of("birthDate", "2008-02-29", "sex", "female")).body())
                .body("eligibleFrom", equalTo("2026-03-01"));
        // A form that asks both, consistently, still gives the date.
        screen(woman("hydralift").with("patient", Map.of("age", 17, "birthDate", "2009-06-01", "sex", "female")).body())
                .body("eligibleFrom", equalTo("2027-06-01"));
        // With only an age the birthday is unknown: deferred, without a date.
        screen(woman("hydralift").with("patient", Map.of("age", 17, "sex", "female")).body())
                .body("eligibility", equalTo("DEFER"))
                .body("eligibleFrom", nullValue());
        // Another deferral without an end keeps eligibleFrom empty.
        screen(woman("hydralift").with("patient", Map.of("birthDate", "2009-06-01", "sex", "female"))
                .answer("pregnant", "yes").body())
                .body("eligibility", equalTo("DEFER"))
                .body("eligibleFrom", nullValue());
    }

    @Test
    void unrecognisedEntriesStillCapTheVerdict() {
        screen(woman("hydralift").with("conditions", List.of(code("D22.5"), Map.of("text", "Zzyxitis"))).body())
                .body("eligibility", equalTo("ELIGIBLE_WITH_PRECAUTIONS"))
                .body("unrecognized.path", contains("conditions", "conditions"))
                .body("contraindications", empty())
                .body("eligibility", not(equalTo("ELIGIBLE")));
    }

    /** Issue 18: what an entry says about what it names, over HTTP: set aside with how it was read, never dropped. */
    @Test
    void aNegatedEntryIsSetAsideWithHowItWasRead() {
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", "no history of cancer"))).body())
                .statusCode(200)
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("unrecognized", empty())
                .body("setAside[0].path", equalTo("/conditions"))
                .body("setAside[0].value", equalTo("no history of cancer"))
                .body("setAside[0].matched", equalTo("malignant-neoplasm"))
                .body("setAside[0].assertion", equalTo("negated"))
                .body("setAside[0].cue", equalTo("no history of"));
    }

    @Test
    void aNothingEntryIsRecognisedAndAddsNoPrecaution() {
        screen(woman("hydralift").with("medications", List.of(Map.of("text", "не принимаю"))).body())
                .body("eligibility", equalTo("ELIGIBLE"))
                .body("unrecognized", empty())
                .body("warnings", empty())
                .body("setAside[0].assertion", equalTo("nothing"))
                .body("setAside[0].matched", nullValue());
    }

    @Test
    void aCurrentCueTurnsAColdSoreIntoAnOutbreakAndSaysWhy() {
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", "halen uçuk var"))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("active-herpes"))
                .body("contraindications[0].facts[0].assertion", equalTo("current"))
                .body("contraindications[0].facts[0].cue", equalTo("halen"));
    }

    @Test
    void aYesAnswerIsNeverOverriddenByNegatedText() {
        screen(woman("hydralift").answer("pregnant", "yes")
                .with("conditions", List.of(Map.of("text", "not pregnant"))).body())
                .body("eligibility", equalTo("DEFER"))
                .body("contraindications.id", contains("pregnancy"))
                .body("setAside[0].assertion", equalTo("negated"));
    }

    @Test
    void genitiveRakaIsReadAsCancer() {
        screen(woman("hydralift").with("conditions", List.of(Map.of("text", "операция по поводу рака"))).body())
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications[0].facts[0].readAs", equalTo("рак"));
    }
}
