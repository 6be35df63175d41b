package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Swagger UI offers works when executed: every request example, run as it is, gets the status (and the
 * verdict or error code) its summary promises; every operation opens with a JSON body where it takes one; every
 * error example has the status of the response it illustrates.
 */
@QuarkusTest
class SwaggerExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "Pregnant patient: 200 DEFER", "A misspelt answer key: 400 unknown-answer". */
    private static final Pattern PROMISE = Pattern.compile(": (\\d{3})(?: ([A-Za-z_-]+))?$");

    private static JsonNode document() throws Exception {
        return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyRequestExampleGetsTheStatusItsSummaryPromises() throws Exception {
        List<String> tried = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode content = operation.getValue().path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> type : content.properties()) {
                    for (Map.Entry<String, JsonNode> example : type.getValue().path("examples").properties()) {
                        String where = operation.getKey().toUpperCase() + " " + path.getKey() + " " + type.getKey()
                                + " example '" + example.getKey() + "'";
                        String summary = example.getValue().path("summary").asText();
                        Matcher promise = PROMISE.matcher(summary);
                        assertTrue(promise.find(), where + ": its summary names no status: " + summary);
                        Response response = given().contentType(type.getKey()).header("Accept-Language", "en")
                                .body(JSON.writeValueAsString(example.getValue().get("value")))
                                .urlEncodingEnabled(false)
                                .request(operation.getKey(), withParameterExamples(path.getKey(), operation.getValue()));
                        assertEquals(Integer.parseInt(promise.group(1)), response.statusCode(),
                                where + ": " + response.asString());
                        if (promise.group(2) != null) {
                            String field = response.statusCode() == 200 ? "eligibility" : "code";
                            assertEquals(promise.group(2), response.jsonPath().getString(field), where);
                        }
                        tried.add(where);
                    }
                }
            }
        }
        assertTrue(tried.size() >= 6, "too few examples: " + tried);
    }

    /** The path with each {parameter} replaced by its example, as Swagger UI fills it in. */
    private static String withParameterExamples(String path, JsonNode operation) {
        String url = path;
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && parameter.has("example")) {
                url = url.replace("{" + parameter.get("name").asText() + "}", parameter.get("example").asText());
            }
        }
        return url;
    }

    @Test
    void everyBodyOpensAsJsonWithAnExample() throws Exception {
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode content = operation.getValue().path("requestBody").path("content");
                if (content.isMissingNode()) {
                    continue;
                }
                String first = content.fieldNames().next();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (content.has("application/json")) {
                    assertEquals("application/json", first, where + " opens with another media type");
                }
                assertFalse(content.get(first).path("examples").isEmpty(), where + " opens without an example");
            }
        }
    }

    @Test
    void parameterExamplesAnswer200() throws Exception {
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String url = path.getKey();
            var request = given().header("Accept-Language", "en").urlEncodingEnabled(false);
            boolean complete = true;
            for (JsonNode parameter : get.path("parameters")) {
                JsonNode example = parameter.get("example");
                String in = parameter.get("in").asText();
                if (example == null) {
                    complete &= !parameter.path("required").asBoolean();
                } else if (in.equals("path")) {
                    url = url.replace("{" + parameter.get("name").asText() + "}", example.asText());
                } else if (in.equals("query")) {
                    request = request.queryParam(parameter.get("name").asText(), example.asText());
                }
            }
            assertTrue(complete, "GET " + path.getKey() + " has a required parameter without an example");
            assertEquals(200, request.get(url).statusCode(), "GET " + url + " with its examples");
        }
    }

    @Test
    void errorExamplesHaveTheirResponsesStatus() throws Exception {
        int seen = 0;
        for (JsonNode path : document().get("paths")) {
            for (JsonNode operation : path) {
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    JsonNode example = response.getValue().path("content").path("application/problem+json").get("example");
                    if (example != null) {
                        assertEquals(response.getKey(), example.get("status").asText(), "example of a " + response.getKey());
                        assertEquals(1, example.get("errors").size(), "a single fault is one entry of errors[]");
                        seen++;
                    }
                }
            }
        }
        assertTrue(seen > 10, "too few error examples: " + seen);
    }

    @Test
    void incompleteExampleNamesWhatIsMissing() throws Exception {
        JsonNode example = document().at("/paths/~1v1~1screenings/post/requestBody/content/application~1json/examples/incomplete/value");
        given().contentType("application/json").body(JSON.writeValueAsString(example))
                .when().post("/v1/screenings")
                .then().body("missingAnswers.question", hasItems("breastfeeding", "menstruating", "bleedingDisorder"))
                .body("missingAnswers.find { it.question == 'bleedingDisorder' }.because", contains("bleeding-disorder"));
    }
}
