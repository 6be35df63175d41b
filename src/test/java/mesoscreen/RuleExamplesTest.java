package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example written beside a rule through the real service over HTTP, and checks what
 * the response says about that rule (and only that rule: other findings are filtered out by id).
 */
@QuarkusTest
class RuleExamplesTest {

    static Stream<Arguments> examples() {
        return RuleSetLoader.load(Path.of("rules")).rules().stream()
                .flatMap(rule -> rule.examples().stream()
                        .map(example -> Arguments.of(rule.id(), example.name(), example)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void exampleHoldsOverHttp(String ruleId, String name, Rule.Example example) {
        JsonPath result = given().contentType(ContentType.JSON).body(example.intake().toString())
                .when().post("/v1/screenings")
                .then().statusCode(200)
                .extract().jsonPath();
        List<String> fired = Stream.concat(
                        result.getList("contraindications.id", String.class).stream(),
                        result.getList("warnings.findAll { it.status == 'present' }.id", String.class).stream())
                .toList();
        Set<String> missing = new TreeSet<>();
        for (Map<String, Object> answer : result.<Map<String, Object>>getList("missingAnswers")) {
            if (((List<?>) answer.get("because")).contains(ruleId)) {
                missing.add((String) answer.get("question"));
            }
        }
        Rule.Outcome outcome = fired.contains(ruleId) ? Rule.Outcome.FIRES
                : missing.isEmpty() ? Rule.Outcome.CLEAR : Rule.Outcome.UNKNOWN;
        assertEquals(example.expect(), outcome, "outcome of " + ruleId);
        if (example.missing() != null) {
            assertEquals(new TreeSet<>(example.missing()), missing, "missing answers of " + ruleId);
        }
    }
}
