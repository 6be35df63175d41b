package mesoscreen.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples offered in Swagger UI give the verdicts their names promise. */
@QuarkusTest
class SamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ELIGIBLE, ELIGIBLE", "PREGNANT, DEFER", "WARFARIN, REFER", "INCOMPLETE, INCOMPLETE"})
    void sampleGivesItsVerdict(String sample, String eligibility) throws ReflectiveOperationException {
        String body = (String) Samples.class.getDeclaredField(sample).get(null);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/screenings")
                .then().statusCode(200)
                .body("eligibility", equalTo(eligibility));
    }

    @Test
    void incompleteSampleNamesWhatIsMissing() {
        given().contentType(ContentType.JSON).body(Samples.INCOMPLETE)
                .when().post("/v1/screenings")
                .then().body("missingAnswers.question", hasItems("breastfeeding", "menstruating", "bleedingDisorder"))
                .body("missingAnswers.find { it.question == 'bleedingDisorder' }.because", contains("bleeding-disorder"));
    }
}
