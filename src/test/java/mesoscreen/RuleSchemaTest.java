package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mesoscreen.BrokenRulesTest.Break;
import mesoscreen.BrokenRulesTest.Layer;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas of rules/schema/ that editors use while a clinician types: every bundled rule file
 * names its schema on its first line and passes it, the schema and the loader agree on what is a
 * shape error, and the service serves the schemas.
 */
@QuarkusTest
class RuleSchemaTest {
    private static final Path RULES = Path.of("rules");
    private static final String MODELINE = "# yaml-language-server: $schema=";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<Path, JsonSchema> LOADED = new ConcurrentHashMap<>();

    static List<Path> bundledFiles() throws IOException {
        return yamlFiles(RULES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledFiles")
    void everyBundledFileNamesItsSchemaAndPassesIt(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        assertTrue(first.startsWith(MODELINE), file + " must start with '" + MODELINE + "...'");
        Path named = file.getParent().resolve(first.substring(MODELINE.length()).trim()).normalize();
        assertEquals(expectedSchema(RULES, file).normalize(), named, "the schema " + file + " names");
        assertEquals(Set.of(), errors(RULES, file));
    }

    @Test
    void theLoaderAcceptsTheBundledFilesTheSchemaAccepts() {
        assertDoesNotThrow(() -> RuleSetLoader.load(RULES));
    }

    static Stream<Break> breaks() {
        return BrokenRulesTest.BREAKS.stream();
    }

    /** A shape error fails both the schema and the loader; any other error passes the schema, as cross-file checks stay in the loader. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("breaks")
    void schemaAndLoaderAgreeOnEachBrokenFixture(Break broken, @TempDir Path temp) throws IOException {
        Path rules = broken.applyTo(temp.resolve("rules"));
        Path file = rules.resolve(broken.file());
        switch (broken.caughtBy()) {
            case YAML -> assertThrows(IOException.class, () -> YAML.readTree(file.toFile()));
            case SCHEMA -> {
                assertFalse(errors(rules, file).isEmpty(), "the schema accepts " + broken.name());
                assertThrows(RuleSetException.class, () -> RuleSetLoader.load(rules));
            }
            case LOADER -> {
                for (Path each : yamlFiles(rules)) {
                    assertEquals(Set.of(), errors(rules, each), each.toString());
                }
            }
        }
    }

    @Test
    void clinicFilesHaveTheirSchema(@TempDir Path temp) throws IOException {
        ClinicsTest.writeClinics(temp);
        JsonSchema clinic = SCHEMAS.getSchema(SchemaLocation.of(RULES.resolve("schema/clinic.schema.json").toAbsolutePath()
                .toUri().toString()));
        for (String id : List.of("clinic-a", "clinic-b")) {
            assertEquals(Set.of(), clinic.validate(YAML.readTree(temp.resolve(id + "/clinic.yaml").toFile())).stream()
                    .map(ValidationMessage::getMessage).collect(Collectors.toSet()), id);
        }
        for (String wrong : List.of("name: B\norigins: [ \"https://b.example/booking\" ]\n", "origins: []\n",
                "name: B\noffered: []\n", "name: B\nofferd: [ hydralift ]\n")) {
            assertFalse(clinic.validate(YAML.readTree(wrong)).isEmpty(), wrong);
        }
    }

    @Test
    void theServiceServesTheSchemas() throws IOException {
        try (Stream<Path> schemas = Files.list(RULES.resolve("schema"))) {
            for (Path schema : schemas.toList()) {
                JsonNode served = YAML.readTree(given().get("/schema/" + schema.getFileName())
                        .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/json"))
                        .extract().asString());
                assertEquals(YAML.readTree(schema.toFile()), served, schema.toString());
            }
        }
        given().get("/schema/check.schema.json").then()
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"));
    }

    /** The schema a rule file must name: checks and vocabularies share one, the others have their own. */
    private static Path expectedSchema(Path rules, Path file) {
        Path relative = rules.relativize(file);
        String name = relative.getNameCount() > 1 ? switch (relative.getName(0).toString()) {
            case "checks" -> "check";
            case "vocabulary" -> "vocabulary";
            default -> throw new IllegalStateException("no schema for " + relative);
        } : relative.toString().replaceFirst("\\.yaml$", "");
        return rules.resolve("schema").resolve(name + ".schema.json");
    }

    private static Set<String> errors(Path rules, Path file) throws IOException {
        JsonSchema schema = LOADED.computeIfAbsent(expectedSchema(rules, file).toAbsolutePath(),
                path -> SCHEMAS.getSchema(SchemaLocation.of(path.toUri().toString())));
        return schema.validate(YAML.readTree(file.toFile())).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    private static List<Path> yamlFiles(Path rules) throws IOException {
        try (Stream<Path> walk = Files.walk(rules)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
