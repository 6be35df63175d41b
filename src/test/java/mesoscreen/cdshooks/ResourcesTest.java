package mesoscreen.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.chart.Located;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A resource of a CDS Hooks call is parsed from the JSON tree the body was read into, not from its text written
 * out again: held here to what HAPI made of the text (the resource, its encoding, every entry's id after the
 * Bundle's fullUrl handling), and to the same refusals.
 */
class ResourcesTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final CdsJson JSON = new CdsJson();

    /** The old definition: the tree written out and parsed by HAPI's strict parser. */
    private static Resource fromText(JsonNode node) {
        return (Resource) FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(node.toString());
    }

    private static Resource fromTree(JsonNode node) {
        return (Resource) new Resources.TreeParser(FHIR, (ObjectNode) node).parseResource(Resources.TreeParser.NO_TEXT);
    }

    private static List<String> described(Resource resource) {
        List<String> out = new ArrayList<>();
        out.add(FHIR.newJsonParser().encodeResourceToString(resource));
        for (Located located : Located.flatten(resource, "r")) {
            out.add(located.path() + " " + located.resource().getIdElement().getValue() + " "
                    + FHIR.newJsonParser().encodeResourceToString(located.resource()));
        }
        return out;
    }

    private static void same(String json) throws IOException {
        JsonNode node = JSON.mapper().readTree(json);
        assertEquals(described(fromText(node)), described(fromTree(node)), json);
    }

    @Test
    void theBenchCallsResourcesReadAsTheirText() throws IOException {
        String body = Files.readString(Path.of("src/test/bench/cds/appointment-book.json"))
                .replace("@TODAY@", "2026-12-03").replace("@PLANNED@", "2026-12-17");
        JsonNode call = JSON.mapper().readTree(body);
        same(call.get("context").get("appointments").toString());
        call.get("prefetch").forEach(node -> {
            if (node.isObject()) {
                assertEquals(described(fromText(node)), described(fromTree(node)));
            }
        });
    }

    @Test
    void bundlesIdsExtensionsAndNumbersReadAsTheirText() throws IOException {
        same("""
                {"resourceType":"Bundle","type":"searchset","meta":{"versionId":"3"},"entry":[
                 {"fullUrl":"https://ehr.example/fhir/MedicationRequest/rx-1/_history/2","resource":{
                  "resourceType":"MedicationRequest","id":"rx-1","meta":{"versionId":"2"},"status":"stopped","intent":"order",
                  "subject":{"reference":"Patient/p1"},"medicationReference":{"reference":"Medication/med-7"},
                  "dispenseRequest":{"validityPeriod":{"end":"2026-11-01"},"quantity":{"value":30.50,"unit":"tablet"}},
                  "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":1e2}}],"sequence":2}]}},
                 {"fullUrl":"urn:uuid:0b2e1f5a-6a53-4d2a-9a38-6b4a3f1d2c11","resource":{"resourceType":"Medication",
                  "code":{"coding":[{"system":"http://www.whocc.no/atc","code":"B01AF02"}],"text":"apixaban"}}},
                 {"fullUrl":"https://other.example/fhir/Medication/med-7","resource":{"resourceType":"Medication","id":"med-7",
                  "code":{"text":"warfarin"}}},
                 {"resource":{"resourceType":"Condition","id":"c1","code":{"text":"x"},
                  "_recordedDate":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                   "valueCode":"unknown"}]},
                  "contained":[{"resourceType":"Practitioner","id":"pr","name":[{"text":"Dr. Å"}]}],
                  "asserter":{"reference":"#pr"},
                  "extension":[{"url":"https://ehr.example/x","valueDecimal":0.1000}],
                  "note":[{"text":"line\\nbreak \\u00e9 \\"quoted\\""}]}},
                 {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}}]}""");
        same("""
                {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1990-05-14",
                 "_gender":{"extension":[{"url":"https://ehr.example/g","valueString":"f"}]},"active":true,
                 "multipleBirthInteger":2,"name":[{"family":"Çelik","given":["Ayşe",null,"B"],"_given":[null,{"id":"g2"},null]}]}""");
    }

    @Test
    void whatTheTextWasRefusedForIsRefused() throws IOException {
        for (String refused : List.of(
                "{\"resourceType\":\"Patient\",\"unknownElement\":1}",
                "{\"resourceType\":\"Patient\",\"birthDate\":19900514}",
                "{\"resourceType\":\"Patient\",\"active\":\"yes\"}",
                "{\"resourceType\":\"Patient\",\"gender\":\"feminine\"}",
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"valueQuantity\":{\"value\":1e400}}",
                "{\"resourceType\":\"NoSuchType\"}",
                "{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":{}}}")) {
            JsonNode node = JSON.mapper().readTree(refused);
            assertThrows(RuntimeException.class, () -> fromText(node), refused);
            assertThrows(RuntimeException.class, () -> fromTree(node), refused);
        }
    }
}
