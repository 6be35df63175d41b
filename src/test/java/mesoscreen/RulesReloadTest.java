package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Changing rules without a restart: a reload that fails keeps the rules in force and says why;
 * one that loads puts the new rules in force, and every request sees exactly one rule set.
 */
@QuarkusTest
@TestProfile(RulesReloadTest.CopiedRules.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesReloadTest {
    private static final String ADMIN = "admin-key-for-tests";
    static Path rules;

    public static class CopiedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                rules = BrokenRulesTest.copyOfBundledRules(Files.createTempDirectory("rules-reload").resolve("rules"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("mesoscreen.rules-dir", rules.toString(), "mesoscreen.admin-key", ADMIN);
        }
    }

    private static String digest() {
        return given().contentType(ContentType.JSON).body(Intakes.healthyWoman(34).body()).post("/v1/screenings")
                .then().statusCode(200).extract().path("ruleset.digest");
    }

    private static io.restassured.response.ValidatableResponse reload(String key) {
        return given().header("X-Admin-Key", key).post("/admin/rules/reload").then();
    }

    /** mesoscreen_rules_reloads_total of that result, as Prometheus scrapes it. */
    static double reloadsCounted(String result) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^mesoscreen_rules_reloads_total\\{result=\""
                + result + "\"} (\\S+)$").matcher(metrics);
        assertTrue(line.find(), "mesoscreen_rules_reloads_total{result=\"" + result + "\"} is exported");
        return Double.parseDouble(line.group(1));
    }

    private static void edit(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    @Order(1)
    void reloadNeedsTheAdminKey() {
        reload("wrong").statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
        given().post("/admin/rules/reload").then().statusCode(401);
        reload(ADMIN).statusCode(200).body("status", equalTo("unchanged"));
    }

    @Test
    @Order(2)
    void brokenFolderKeepsTheRulesInForceAndSaysWhere() throws IOException {
        String before = digest();
        double failed = reloadsCounted("failure");
        double succeeded = reloadsCounted("success");
        edit("checks/pregnancy.yaml", "- answer: pregnant", "- answer: pregnnat");
        reload(ADMIN).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("rules-invalid"))
                .body("errors.detail", hasItem(startsWith("ERROR: checks/pregnancy.yaml:8:15: unknown question 'pregnnat'")));
        assertEquals(before, digest(), "the last good rules stay in force");
        // Without the admin key, only that it is DOWN; with it, the errors, files named inside the folder.
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'rules-reload' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'rules-reload' }.data", nullValue());
        String details = given().header("X-Admin-Key", ADMIN).get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'rules-reload' }.data.error1",
                        startsWith("ERROR: checks/pregnancy.yaml:8:15: unknown question 'pregnnat'"))
                .extract().asString();
        String refused = reload(ADMIN).statusCode(422).extract().asString();
        for (String answer : List.of(details, refused)) {
            assertFalse(answer.contains(rules.toString()) || answer.contains(rules.toAbsolutePath().getParent().toString()),
                    "no absolute path in " + answer);
        }
        given().get("/q/health/ready").then().statusCode(200);
        // Both refusals are counted, and nothing else.
        assertEquals(failed + 2, reloadsCounted("failure"));
        assertEquals(succeeded, reloadsCounted("success"));
    }

    @Test
    @Order(3)
    void goodFolderIsPutInForce() throws IOException {
        String before = digest();
        double failed = reloadsCounted("failure");
        double succeeded = reloadsCounted("success");
        edit("checks/pregnancy.yaml", "- answer: pregnnat", "- answer: pregnant");
        edit("ruleset.yaml", "version: \"2026.11.0\"", "version: \"2026.11.1\"");
        reload(ADMIN).statusCode(200).body("status", equalTo("reloaded"))
                .body("ruleset.version", equalTo("2026.11.1"));
        assertNotEquals(before, digest());
        given().get("/v1/rules").then().body("ruleset.version", equalTo("2026.11.1"));
        given().get("/q/health/well").then().statusCode(200);
        assertEquals(succeeded + 1, reloadsCounted("success"));
        assertEquals(failed, reloadsCounted("failure"));
    }

    @Test
    @Order(4)
    void everyRequestSeesExactlyOneRuleSet() throws Exception {
        String before = digest();
        edit("ruleset.yaml", "version: \"2026.11.1\"", "version: \"2026.11.2\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(Intakes.healthyWoman(34).body())
                    .post("/v1/screenings").then().statusCode(200).extract().path("ruleset.digest")));
        }
        reload(ADMIN).statusCode(200);
        String after = digest();
        for (Future<String> answer : answers) {
            assertTrue(Set.of(before, after).contains(answer.get()), "a digest of one of the two rule sets");
        }
        pool.shutdown();
        assertNotEquals(before, after);
    }
}
