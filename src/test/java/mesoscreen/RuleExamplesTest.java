package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example written beside a rule through the real service over HTTP, and checks what
 * the response says about that rule (and only that rule: other findings are filtered out by id).
 * An example without a procedure is posted once per procedure: it fires if it fires for any.
 */
@QuarkusTest
class RuleExamplesTest {
    private static final RuleSet RULES = RuleSetLoader.load(Path.of("rules"));

    static Stream<Arguments> examples() {
        return RULES.rules().stream()
                .flatMap(rule -> rule.examples().stream()
                        .map(example -> Arguments.of(rule.id(), example.name(), example)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void exampleHoldsOverHttp(String ruleId, String name, Rule.Example example) {
        List<String> procedures = example.intake().hasNonNull("procedure")
                ? List.of(example.intake().get("procedure").asText()) : List.copyOf(RULES.procedures().keySet());
        Rule.Outcome outcome = Rule.Outcome.CLEAR;
        Set<String> missing = new TreeSet<>();
        for (String procedure : procedures) {
            ObjectNode intake = example.intake().deepCopy();
            intake.put("procedure", procedure);
            JsonPath result = given().contentType(ContentType.JSON).body(intake.toString())
                    .when().post("/v1/screenings")
                    .then().statusCode(200)
                    .extract().jsonPath();
            List<String> fired = Stream.of("contraindications.id", "warnings.findAll { it.status == 'present' }.id",
                            "notes.id")
                    .flatMap(path -> result.getList(path, String.class).stream())
                    .toList();
            Set<String> lacking = new TreeSet<>();
            for (Map<String, Object> answer : result.<Map<String, Object>>getList("missingAnswers")) {
                if (((List<?>) answer.get("because")).contains(ruleId)) {
                    lacking.add((String) answer.get("question"));
                }
            }
            if (fired.contains(ruleId)) {
                outcome = Rule.Outcome.FIRES;
            } else if (!lacking.isEmpty() && outcome == Rule.Outcome.CLEAR) {
                outcome = Rule.Outcome.UNKNOWN;
            }
            missing.addAll(lacking);
        }
        assertEquals(example.expect(), outcome, "outcome of " + ruleId);
        if (example.missing() != null && outcome == Rule.Outcome.UNKNOWN) {
            assertEquals(new TreeSet<>(example.missing()), missing, "missing answers of " + ruleId);
        }
    }
}
