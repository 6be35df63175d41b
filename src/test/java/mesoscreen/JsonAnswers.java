package mesoscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every JSON answer of the CDS Hooks endpoints, and every FHIR resource the FHIR endpoints answer, in every test,
 * checked for what both specifications forbid: a {@code null} anywhere (CDS Hooks 2.0: "JSON elements SHALL NOT be
 * null"; FHIR JSON has no nulls), and, in a CDS Hooks answer (discovery, cards) or a FHIR resource, an empty
 * string, array or object (the one empty value allowed is {@code "cards": []}, no guidance). A screening result
 * that {@code $screen} answers is contract v1's, not a FHIR resource, and is not checked here. Installed as a
 * REST Assured filter before each {@code @QuarkusTest} method (registered in META-INF/services), so a new test's
 * calls are checked without asking; a test calling with another client passes its answers to {@link #check}.
 */
public final class JsonAnswers implements Filter, QuarkusTestBeforeEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonAnswers FILTER = new JsonAnswers();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        check(request.getMethod() + " " + URI.create(request.getURI()).getRawPath(), answer.contentType(), answer.asString());
        return answer;
    }

    /** @param call "METHOD /path" of the request; answers of other endpoints, and bodies that are not JSON, pass */
    public static void check(String call, String contentType, String body) {
        String path = call.substring(call.indexOf(' ') + 1);
        boolean cds = path.equals("/cds-services") || path.startsWith("/cds-services/");
        boolean fhir = path.equals("/fhir") || path.startsWith("/fhir/");
        if (contentType == null || body == null || body.isBlank()
                || !(cds && contentType.contains("json") || fhir && contentType.startsWith("application/fhir+json"))) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(call + " answered " + contentType + " that is not JSON: " + body, e);
        }
        // Problem bodies are RFC 9457's, not CDS Hooks' or FHIR's: only nulls are refused there.
        boolean strict = contentType.startsWith("application/fhir+json")
                || (cds && contentType.startsWith("application/json"));
        List<String> faults = new ArrayList<>();
        walk(json, "$", strict, faults);
        if (!faults.isEmpty()) {
            throw new AssertionError(call + " answered " + String.join(", ", faults) + ": " + body);
        }
    }

    private static void walk(JsonNode node, String at, boolean strict, List<String> faults) {
        if (node.isNull()) {
            faults.add("null at " + at);
        } else if (strict && !at.equals("$.cards")
                && (node.isTextual() ? node.asText().isEmpty() : node.isContainerNode() && node.isEmpty())) {
            faults.add("an empty value at " + at);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), at + "." + field.getKey(), strict, faults);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "[" + i + "]", strict, faults);
            }
        }
    }
}
