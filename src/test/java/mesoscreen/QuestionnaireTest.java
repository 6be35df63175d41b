package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mesoscreen.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The render-ready questionnaire: exactly what the rules need, in order, in every language. */
@QuarkusTest
class QuestionnaireTest {

    static List<String> procedures() {
        return List.copyOf(Intakes.RULES.procedures().keySet());
    }

    private static JsonPath questionnaire(String procedure, String language) {
        return given().queryParam("procedure", procedure).header("Accept-Language", language)
                .get("/v1/questionnaire").then().statusCode(200).header("Content-Language", language)
                .extract().jsonPath();
    }

    /** Every item, groups' parts included. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(JsonPath questionnaire) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> group : questionnaire.<Map<String, Object>>getList("groups")) {
            for (Map<String, Object> item : (List<Map<String, Object>>) group.get("items")) {
                out.add(item);
                out.addAll((List<Map<String, Object>>) item.get("items"));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    void containsExactlyTheQuestionsItsRulesNeed(String procedure) {
        Set<String> needed = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (Rule rule : Intakes.RULES.rules()) {
            if (rule.appliesTo(procedure)) {
                Set<String> reads = new LinkedHashSet<>();
                rule.when().reads(reads);
                reads.retainAll(Intakes.RULES.questions().keySet());
                needed.addAll(reads);
                if (rule.kind() == Rule.Kind.CONTRAINDICATION) {
                    required.addAll(reads);
                }
            }
        }
        List<Map<String, Object>> items = items(questionnaire(procedure, "en"));
        Set<String> asked = new TreeSet<>();
        Set<String> requiredAsked = new TreeSet<>();
        for (Map<String, Object> item : items) {
            if ("yes-no-unknown".equals(item.get("type"))) {
                asked.add((String) item.get("id"));
                assertEquals("answers." + item.get("id"), item.get("intake"));
                if (Boolean.TRUE.equals(item.get("required"))) {
                    requiredAsked.add((String) item.get("id"));
                }
            }
        }
        assertEquals(needed, asked, "questions of " + procedure);
        assertEquals(required, requiredAsked, "required questions of " + procedure);
    }

    @Test
    void procedureSpecificQuestionsOnlyWhereTheyMatter() {
        List<Object> hydralift = items(questionnaire("hydralift", "en")).stream().map(i -> i.get("id")).toList();
        List<Object> needleFree = items(questionnaire("needle-free-mesotherapy", "en")).stream().map(i -> i.get("id")).toList();
        List<Object> prp = items(questionnaire("prp-mesotherapy", "en")).stream().map(i -> i.get("id")).toList();
        assertFalse(hydralift.contains("pacemakerOrImplant"));
        assertTrue(needleFree.contains("pacemakerOrImplant"));
        assertFalse(hydralift.contains("plateletDisorder"));
        assertTrue(prp.contains("plateletDisorder"));
    }

    @Test
    void groupsComeInASensibleOrder() {
        given().get("/v1/questionnaire").then().statusCode(200)
                .body("procedure", equalTo(null))
                .body("groups.id", contains("about-you", "pregnancy", "conditions", "medications", "allergies",
                        "recent-procedures", "goals"))
                .body("groups[0].items.id", hasItem("patient.age"))
                .body("groups[0].items.find { it.id == 'patient.age' }.required", equalTo(true));
    }

    @Test
    void conditionalQuestionsCarryTheirConditions() {
        JsonPath q = questionnaire("hydralift", "en");
        Map<String, Object> pregnant = items(q).stream().filter(i -> "pregnant".equals(i.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("question", "patient.sex", "answers", List.of("female", "other", "unknown"),
                "orUnanswered", true)), pregnant.get("shownWhen"));
        Map<String, Object> stopDate = items(q).stream().filter(i -> "isotretinoinStoppedOn".equals(i.get("id")))
                .findFirst().orElseThrow();
        assertEquals("date", stopDate.get("type"));
        assertEquals(List.of(Map.of("question", "isotretinoin", "answers", List.of("yes"), "orUnanswered", false)),
                stopDate.get("shownWhen"));
        Map<String, Object> recent = items(q).stream().filter(i -> "recentProcedures".equals(i.get("id")))
                .findFirst().orElseThrow();
        assertEquals("group", recent.get("type"));
        assertEquals(true, recent.get("repeats"));
        assertEquals(List.of(Map.of("question", "recentAestheticProcedure", "answers", List.of("yes"),
                "orUnanswered", false)), recent.get("shownWhen"));
        Map<String, Object> age = items(q).stream().filter(i -> "patient.age".equals(i.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of(), age.get("shownWhen"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru", "tr"})
    @SuppressWarnings("unchecked")
    void everyPatientFacingTextExistsInEachLanguage(String language) {
        for (String procedure : procedures()) {
            JsonPath q = questionnaire(procedure, language);
            for (Map<String, Object> group : q.<Map<String, Object>>getList("groups")) {
                assertText(group.get("title"), language, "title of " + group.get("id"));
            }
            for (Map<String, Object> item : items(q)) {
                assertText(item.get("label"), language, "label of " + item.get("id"));
                if (item.get("help") != null) {
                    assertText(item.get("help"), language, "help of " + item.get("id"));
                }
                for (Map<String, Object> option : (List<Map<String, Object>>) item.get("options")) {
                    assertText(option.get("label"), language, "option " + option.get("code") + " of " + item.get("id"));
                }
            }
        }
    }

    private static void assertText(Object text, String language, String what) {
        assertNotNull(text, what + " in " + language);
        assertFalse(((String) text).isBlank(), what + " in " + language);
        if (language.equals("ru")) {
            // A Russian text left in English would be all Latin.
            assertTrue(((String) text).chars().anyMatch(c -> c >= 0x400 && c <= 0x4FF), what + " is not Russian: " + text);
        }
    }

    @Test
    void unknownProcedureIsAProblem() {
        given().queryParam("procedure", "hydrolift").get("/v1/questionnaire").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown-procedure"))
                .body("detail", equalTo("unknown procedure 'hydrolift'; did you mean 'hydralift'?"));
    }

    @Test
    void englishIsTheFallback() {
        given().header("Accept-Language", "fr").get("/v1/questionnaire").then().statusCode(200)
                .header("Content-Language", "en")
                .body("groups[0].title", not(equalTo(null)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyItemSaysWhereItsAnswerGoes() {
        for (Map<String, Object> item : items(questionnaire(null, "en"))) {
            Map<String, Object> target = (Map<String, Object>) item.get("target");
            assertNotNull(target, "no target for " + item.get("id"));
            assertTrue(((String) target.get("pointer")).startsWith("/"), "not a JSON Pointer: " + target);
            assertFalse(((String) item.get("intake")).contains("{"), "a private syntax: " + item.get("intake"));
        }
        JsonPath q = questionnaire("hydralift", "en");
        Map<String, Object> stopDate = items(q).stream().filter(i -> "isotretinoinStoppedOn".equals(i.get("id")))
                .findFirst().orElseThrow();
        assertEquals(Map.of("pointer", "/medications", "list", "medications", "field", "stoppedOn",
                "entry", Map.of("text", "isotretinoin")), stopDate.get("target"));
        Map<String, Object> medications = items(q).stream().filter(i -> "medications".equals(i.get("id")))
                .findFirst().orElseThrow();
        assertEquals(Map.of("pointer", "/medications", "list", "medications", "field", "text"), medications.get("target"));
    }

    /** The limits the questionnaire states are the ones the service enforces, on both sides of each. */
    @Test
    @SuppressWarnings("unchecked")
    void constraintsAreTheLimitsTheServiceEnforces() {
        List<Map<String, Object>> items = items(questionnaire("hydralift", "en"));
        Map<String, Object> age = (Map<String, Object>) items.stream().filter(i -> "patient.age".equals(i.get("id")))
                .findFirst().orElseThrow().get("constraints");
        int max = (Integer) age.get("max");
        assertEquals(0, age.get("min"));
        screen(Map.of("patient", Map.of("age", max))).statusCode(200);
        screen(Map.of("patient", Map.of("age", max + 1))).statusCode(400).body("path", equalTo("patient.age"));
        Map<String, Object> list = (Map<String, Object>) items.stream().filter(i -> "medications".equals(i.get("id")))
                .findFirst().orElseThrow().get("constraints");
        int maxLength = (Integer) list.get("maxLength");
        int maxItems = (Integer) list.get("maxItems");
        screen(Map.of("medications", List.of(Map.of("text", "a".repeat(maxLength))))).statusCode(200);
        screen(Map.of("medications", List.of(Map.of("text", "a".repeat(maxLength + 1))))).statusCode(400)
                .body("path", equalTo("medications[0].text"));
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < maxItems; i++) {
            many.add(Map.of("text", "vitamin c"));
        }
        screen(Map.of("medications", many)).statusCode(200);
        many.add(Map.of("text", "vitamin c"));
        screen(Map.of("medications", many)).statusCode(400).body("path", equalTo("medications"));
    }

    /** A program that follows only the targets builds an intake the service accepts, every item answered. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("procedures")
    @SuppressWarnings("unchecked")
    void followingTheTargetsBuildsAnAcceptedIntake(String procedure) {
        Map<String, Object> intake = new java.util.LinkedHashMap<>();
        intake.put("procedure", procedure);
        for (Map<String, Object> group : questionnaire(procedure, "en").<Map<String, Object>>getList("groups")) {
            for (Map<String, Object> item : (List<Map<String, Object>>) group.get("items")) {
                if (item.get("id").equals("patient.birthDate")) {
                    continue; // asked only while no age is given
                }
                Map<String, Object> target = (Map<String, Object>) item.get("target");
                if (item.get("type").equals("group")) {
                    Map<String, Object> entry = new java.util.LinkedHashMap<>();
                    for (Map<String, Object> part : (List<Map<String, Object>>) item.get("items")) {
                        entry.put((String) ((Map<String, Object>) part.get("target")).get("field"), sample(part));
                    }
                    follow(intake, target, entry);
                } else {
                    follow(intake, target, sample(item));
                }
            }
        }
        screen(intake).statusCode(200);
    }

    private static Object sample(Map<String, Object> item) {
        return switch ((String) item.get("type")) {
            case "yes-no-unknown" -> "no";
            case "integer" -> 34;
            case "date" -> "2026-01-15";
            case "text" -> "vitamin c";
            default -> ((List<Map<String, Object>>) item.get("options")).get(0).get("code");
        };
    }

    @SuppressWarnings("unchecked")
    private static void follow(Map<String, Object> intake, Map<String, Object> target, Object answer) {
        String[] path = ((String) target.get("pointer")).substring(1).split("/");
        Map<String, Object> at = intake;
        for (int i = 0; i < path.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new java.util.LinkedHashMap<>());
        }
        String last = path[path.length - 1];
        if (target.get("list") == null) {
            at.put(last, answer);
            return;
        }
        List<Object> list = (List<Object>) at.computeIfAbsent(last, k -> new ArrayList<>());
        if (target.get("field") == null) {
            list.add(answer);
        } else {
            Map<String, Object> entry = new java.util.LinkedHashMap<>((Map<String, Object>) target.getOrDefault("entry", Map.of()));
            entry.put((String) target.get("field"), answer);
            list.add(entry);
        }
    }

    private static io.restassured.response.ValidatableResponse screen(Map<String, ?> intake) {
        return given().contentType("application/json").body(intake).post("/v1/screenings").then();
    }
}
