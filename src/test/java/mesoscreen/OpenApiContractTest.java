package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi.yaml is the contract: the served document must equal it. After an
 * intended change to the API, regenerate it with {@code ./mvnw verify -Dopenapi.update=true}
 * and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final Path CONTRACT = Path.of("openapi.yaml");

    @Test
    void servedSpecificationIsTheCommittedContract() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, served);
        }
        assertEquals(Files.readString(CONTRACT), served,
                "the served OpenAPI document differs from openapi.yaml; if the change is intended,"
                        + " run ./mvnw verify -Dopenapi.update=true and commit the new contract");
    }

    /** Swagger UI shows the groups in the document's order: what a newcomer tries first comes first. */
    @Test
    void groupsComeInTheOrderANewcomerNeedsThem() {
        List<String> tags = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getList("tags.name");
        assertEquals(List.of("Screening", "Questionnaire", "Catalogue", "FHIR", "CDS Hooks", "Admin"), tags);
    }
}
