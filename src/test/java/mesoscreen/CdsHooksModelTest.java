package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServicesJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The answers bound by a second implementation of CDS Hooks 2.0, HAPI FHIR's model classes, strictly: an attribute
 * the model does not know, a value of the wrong type, an indicator outside the specification's three, a duplicate
 * key all fail. Bound and written back, each answer is unchanged, so nothing was dropped on the way.
 */
@QuarkusTest
@TestProfile(EhrStub.Profile.class)
class CdsHooksModelTest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    static <T> T bound(String json, Class<T> type) {
        try {
            T bound = STRICT.readValue(json, type);
            assertEquals(STRICT.readTree(json), STRICT.valueToTree(bound), type.getSimpleName() + " written back");
            return bound;
        } catch (java.io.IOException e) {
            throw new AssertionError(type.getSimpleName() + " does not bind " + json, e);
        }
    }

    @Test
    void discoveryBindsToHapisServiceModel() {
        CdsServicesJson discovery = bound(given().get("/cds-services").then().statusCode(200).extract().asString(),
                CdsServicesJson.class);
        List<CdsServiceJson> services = discovery.getServices();
        assertEquals(Set.of("appointment-book", "order-select", "order-sign"),
                Set.copyOf(services.stream().map(CdsServiceJson::getHook).toList()));
        for (CdsServiceJson service : services) {
            assertFalse(service.getDescription().isBlank(), service.getId());
            assertEquals("Patient/{{context.patientId}}", service.getPrefetch().get("patient"), service.getId());
        }
    }

    @Test
    void everyKindOfCardBindsToHapisResponseModel() {
        String pregnant = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("pregnancyStatus", Fhir.bundle(Fhir.pregnancy("LA15173-0", "Pregnant")))), null);
        String apixaban = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("medicationRequests", Fhir.bundle(Fhir.medicationRequest("active",
                        "http://www.whocc.no/atc|B01AF02|apixaban")))), null);
        String unread = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE,
                Map.of("conditions", Fhir.bundle(Fhir.condition("1234567", "Something rare", "active", "confirmed")))), null);
        String unmapped = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE, Map.of()), null)
                .replace(Fhir.PROCEDURE_SYSTEM, "http://snomed.info/sct").replace("\"hydralift\"", "\"1234567\"");
        Set<String> topics = new TreeSet<>();
        Set<CdsServiceIndicatorEnum> indicators = new TreeSet<>();
        for (String call : List.of(pregnant, apixaban, unread, unmapped)) {
            for (String language : List.of("en", "ru", "tr")) {
                String answer = CdsHooksTest.call(CdsHooksTest.SERVICE, call, language).statusCode(200).extract().asString();
                CdsServiceResponseJson response = bound(answer, CdsServiceResponseJson.class);
                for (CdsServiceResponseCardJson card : response.getCards()) {
                    assertTrue(card.getSummary().codePointCount(0, card.getSummary().length()) < 140, card.getSummary());
                    assertFalse(card.getSource().getLabel().isBlank());
                    topics.add(card.getSource().getTopic().getCode());
                    indicators.add(card.getIndicator());
                }
            }
        }
        assertTrue(topics.containsAll(List.of("contraindication", "missing-answers", "precaution", "unmapped-order")),
                topics.toString());
        assertEquals(Set.of(CdsServiceIndicatorEnum.values()), indicators);
    }

    @Test
    void noGuidanceIsAnEmptyListOfCards() {
        JsonNode cards = given().header("Authorization", "Bearer " + EhrStub.token(CdsHooksTest.url("/cds-services/"
                        + "mesoscreen-order-sign")))
                .contentType("application/json").body("""
                        { "hook": "order-sign", "hookInstance": "0b7e3c5a-1f7e-4c55-9d1f-5f3f0c7a2e11",
                          "context": { "userId": "Practitioner/1", "patientId": "pat-1",
                                       "draftOrders": { "resourceType": "Bundle", "type": "collection" } } }""")
                .post("/cds-services/mesoscreen-order-sign").then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(0, bound(cards.toString(), CdsServiceResponseJson.class).getCards().size());
    }
}
