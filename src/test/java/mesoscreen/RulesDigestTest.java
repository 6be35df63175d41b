package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

/**
 * The digest in force always describes the rules in force. While one thread keeps replacing a rule file
 * with one of two versions, admin reloads and the folder watcher keep loading it; every answer names a
 * digest, and the rule it shows must be the one of the version with that digest. (Loading once read the
 * folder twice, once for the digest and once to parse, and could put one version in force under the
 * other's digest.)
 */
@QuarkusTest
@TestProfile(RulesDigestTest.EditedRules.class)
class RulesDigestTest {
    private static final String ADMIN = "admin-key-for-digest-tests";
    private static final String FILE = "checks/pregnancy.yaml";
    private static final String PREGNANCY_TITLE = "rules.find { it.id == 'pregnancy' }.title";
    static Path rules;

    public static class EditedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                rules = BrokenRulesTest.copyOfBundledRules(Files.createTempDirectory("rules-digest").resolve("rules"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("mesoscreen.rules-dir", rules.toString(), "mesoscreen.admin-key", ADMIN,
                    "mesoscreen.rules-watch-interval", "20ms");
        }
    }

    /** One version of the rule file: its text, the title it gives the rule, and the folder's digest with it. */
    private record Version(String text, String title, String digest) {
    }

    @Test
    void theDigestInForceDescribesTheRulesInForce() throws Exception {
        Path file = rules.resolve(FILE);
        String original = Files.readString(file);
        String title = "en: Pregnancy";
        assertTrue(original.contains(title), FILE + " has the English title 'Pregnancy'");
        List<Version> versions = new ArrayList<>();
        for (String name : List.of("Pregnancy (A)", "Pregnancy (B)")) {
            String text = original.replace(title, "en: " + name);
            Files.writeString(file, text);
            versions.add(new Version(text, name, RuleSetLoader.digest(rules)));
        }

        AtomicBoolean editing = new AtomicBoolean(true);
        AtomicInteger edits = new AtomicInteger();
        Thread editor = new Thread(() -> {
            Path next = rules.resolve("pregnancy.next");
            while (editing.get()) {
                try {
                    // Replaced whole, so that a reader sees one version or the other, never half of one.
                    Files.writeString(next, versions.get(edits.incrementAndGet() % 2).text());
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(3);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        editor.start();
        int reloads = 0;
        int checked = 0;
        try {
            for (int i = 0; i < 40; i++) {
                if (given().header("X-Admin-Key", ADMIN).post("/admin/rules/reload").then().extract().statusCode() == 200) {
                    reloads++;
                }
                for (int j = 0; j < 3; j++) {
                    checked += consistent(versions) ? 1 : 0;
                }
            }
        } finally {
            editing.set(false);
            editor.join();
        }
        assertTrue(reloads > 0 && checked > 0, "reloads " + reloads + ", answers checked " + checked);
        // Once the edits stop, the rules in force are those of the file as it is, under its digest.
        given().header("X-Admin-Key", ADMIN).post("/admin/rules/reload").then().statusCode(200);
        JsonPath last = given().get("/v1/rules").then().statusCode(200).extract().jsonPath();
        Version now = versions.stream().filter(v -> v.digest().equals(RuleSetLoader.digest(rules))).findFirst().orElseThrow();
        assertEquals(now.digest(), last.getString("ruleset.digest"));
        assertEquals(now.title(), last.getString(PREGNANCY_TITLE));
    }

    /** One answer: its digest is one of the two versions', and the rule shown is that version's. */
    private static boolean consistent(List<Version> versions) {
        // One answer names the rule set and shows its rules: both come from the rule set that answered.
        JsonPath rule = given().get("/v1/rules").then().statusCode(200).extract().jsonPath();
        String digest = rule.getString("ruleset.digest");
        String shown = rule.getString(PREGNANCY_TITLE);
        for (Version version : versions) {
            if (version.digest().equals(digest)) {
                assertEquals(version.title(), shown, "the rules in force under digest " + digest);
                return true;
            }
        }
        return false; // the bundled rules of start-up, before the first edit was loaded
    }
}
