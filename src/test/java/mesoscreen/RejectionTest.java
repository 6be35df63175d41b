package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every way a request can be refused, each with its RFC 9457 body. */
@QuarkusTest
class RejectionTest {

    private static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/v1/screenings").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code, String path) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:mesoscreen:problem:" + code))
                .body("title", not(nullValue()))
                .body("path", path == null ? nullValue() : equalTo(path))
                // One shape for every error: errors[] always, its first entry the fault the problem names.
                .body("errors.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("errors[0].code", equalTo(code))
                .body(not(containsString("Exception")))
                .body(not(containsString("mesoscreen.")))
                .body(not(containsString("java.")));
    }

    @Test
    void unknownAnswerKeyIsRejectedWithASuggestion() {
        problem(post("{\"answers\": {\"pregnnat\": \"no\"}}"), 400, "unknown-answer", "answers.pregnnat")
                .body("detail", equalTo("unknown answer 'pregnnat'; did you mean 'pregnant'?"));
    }

    @Test
    void answerOutsideYesNoUnknownIsRejected() {
        problem(post("{\"answers\": {\"pregnant\": \"maybe\"}}"), 400, "invalid-value", "answers.pregnant")
                .body("detail", equalTo("must be one of \"yes\", \"no\", \"unknown\""))
                .body(not(containsString("maybe")));
        problem(post("{\"answers\": {\"pregnant\": \"Yes\"}}"), 400, "invalid-value", "answers.pregnant");
        problem(post("{\"answers\": {\"pregnant\": true}}"), 400, "wrong-type", "answers.pregnant")
                .body("detail", equalTo("must be one of \"yes\", \"no\", \"unknown\""));
        problem(post("{\"answers\": {\"pregnant\": null}}"), 400, "invalid-value", "answers.pregnant");
    }

    @Test
    void unknownFieldIsRejectedWithASuggestion() {
        problem(post("{\"patient\": {\"agee\": 30}}"), 400, "unknown-field", "patient.agee")
                .body("detail", containsString("did you mean 'age'?"));
        problem(post("{\"medication\": []}"), 400, "unknown-field", "medication")
                .body("detail", containsString("did you mean 'medications'?"));
    }

    @Test
    void unknownProcedureConcernAndAreaAreRejected() {
        problem(post("{\"procedure\": \"hydralyft\"}"), 400, "unknown-procedure", "procedure")
                .body("detail", equalTo("unknown procedure 'hydralyft'; did you mean 'hydralift'?"));
        problem(post("{\"concerns\": [\"wrinkle\"]}"), 400, "unknown-concern", "concerns[0]")
                .body("detail", containsString("did you mean 'wrinkles'?"));
        problem(post("{\"areas\": [\"face\", \"nek\"]}"), 400, "unknown-area", "areas[1]");
    }

    @Test
    void wrongTypesAreRejected() {
        problem(post("{\"patient\": {\"age\": \"34\"}}"), 400, "wrong-type", "patient.age")
                .body("detail", equalTo("must be a whole number"));
        problem(post("{\"patient\": {\"age\": 34.5}}"), 400, "invalid-value", "patient.age");
        problem(post("{\"patient\": {\"age\": 1234567890123456789}}"), 400, "invalid-value", "patient.age")
                .body("detail", equalTo("the number is out of range"));
        problem(post("{\"conditions\": {\"text\": \"x\"}}"), 400, "wrong-type", "conditions");
        problem(post("{\"patient\": {\"sex\": \"f\"}}"), 400, "invalid-value", "patient.sex")
                .body("detail", containsString("\"female\""));
        problem(post("{\"plannedDate\": \"01/12/2026\"}"), 400, "invalid-value", "plannedDate")
                .body("detail", equalTo("must be a date as YYYY-MM-DD"));
        problem(post("[]"), 400, "wrong-type", null);
    }

    @Test
    void constraintViolationsAreAllListedByJsonPath() {
        problem(post("{\"patient\": {\"age\": 300}, \"conditions\": [null]}"), 400, "invalid-value", "conditions[0]")
                .body("errors", hasSize(2))
                .body("errors[1].path", equalTo("patient.age"));
    }

    @Test
    void ageAndBirthDateMustAgree() {
        problem(post("{\"plannedDate\": \"2026-12-01\", \"patient\": {\"age\": 30, \"birthDate\": \"1990-01-01\"}}"),
                400, "conflicting-values", "patient");
        post("{\"plannedDate\": \"2026-12-01\", \"patient\": {\"age\": 36, \"birthDate\": \"1990-01-01\"}}")
                .statusCode(200);
    }

    @Test
    void codedEntriesMustBeCompleteAndInAKnownSystem() {
        problem(post("{\"conditions\": [{\"code\": \"D66\"}]}"), 400, "incomplete-entry", "conditions[0].system");
        problem(post("{\"allergies\": [{}]}"), 400, "incomplete-entry", "allergies[0]");
        problem(post("{\"conditions\": [{\"system\": \"icd10\", \"code\": \"D66\"}]}"), 400,
                "unknown-code-system", "conditions[0].system")
                .body("detail", containsString("did you mean 'icd-10'?"));
    }

    @Test
    void malformedJsonIsRejectedWithItsPosition() {
        problem(post("{\"patient\": "), 400, "malformed-json", "patient")
                .body("detail", containsString("line 1"));
        problem(post("{} {}"), 400, "malformed-json", null);
        problem(post("{'answers': {}}"), 400, "malformed-json", null);
    }

    @Test
    void emptyBodyIsRejected() {
        problem(post(""), 400, "missing-body", null);
    }

    @Test
    void duplicateKeysAreRejected() {
        problem(post("{\"answers\": {\"pregnant\": \"yes\", \"pregnant\": \"no\"}}"), 400, "duplicate-key",
                "answers.pregnant")
                .body("detail", containsString("'pregnant' appears twice"));
        problem(post("{\"procedure\": \"hydralift\", \"procedure\": \"mesotherapy-face\"}"), 400, "duplicate-key",
                "procedure");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String big = "{\"conditions\": [" + "{\"text\": \"x\"},".repeat(30_000) + "{\"text\": \"x\"}]}";
        problem(post(big), 413, "body-too-large", null)
                .body("detail", containsString("262144 bytes"));
        // Streamed without Content-Length: refused while reading.
        problem(given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))
                .when().post("/v1/screenings").then(), 413, "body-too-large", null);
    }

    @Test
    void wrongContentTypeGets415() {
        problem(given().contentType(ContentType.TEXT).body("{}").when().post("/v1/screenings").then(),
                415, "unsupported-media-type", null);
    }

    @Test
    void unknownPathAndMethodGetProblems() {
        problem(given().get("/v1/nothing-here").then(), 404, "not-found", null);
        problem(given().get("/v1/screenings").then(), 405, "method-not-allowed", null);
    }
}
