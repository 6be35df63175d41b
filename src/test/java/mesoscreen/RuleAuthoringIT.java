package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mesoscreen.BrokenRulesTest.Break;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule authors' commands of the packaged jar, {@code check} and {@code impact}, run as a clinic's
 * CI runs them: no server, no port, exit codes that a pipeline can act on.
 */
class RuleAuthoringIT {
    private record Run(int exit, String output) {
    }

    @Test
    void checkPassesTheBundledRulesWithoutStartingAServer() throws Exception {
        Run run = jar("check", "rules");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().startsWith("rules: rule set "), run.output());
        assertTrue(run.output().contains(" examples hold."), run.output());
        assertFalse(run.output().contains("Listening on"), run.output());
    }

    @Test
    void checkNamesABranchThatNoExampleTries(@TempDir Path temp) throws Exception {
        Path rules = edited(temp, "checks/pregnancy.yaml", """
                  - name: coded pregnancy outweighs a "no"
                    intake:
                      patient: { age: 30, sex: female }
                      answers: { pregnant: "no" }
                      conditions: [ { system: icd-10, code: Z33.1 } ]
                    expect: fires
                """, "");
        Run run = jar("check", rules.toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().replace(rules.toString(), "rules").contains("""
                UNTRIED: rules/checks/pregnancy.yaml:9:7: rule 'pregnancy': no example makes this branch of 'any' true: \
                condition pregnancy
                 |     - condition: pregnancy
                 | ......^
                """), run.output());
    }

    static Stream<Break> breaks() {
        return BrokenRulesTest.BREAKS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaks")
    void checkStopsOnEachBrokenFixtureWithTheStartUpErrors(Break broken, @TempDir Path temp) throws Exception {
        Path rules = broken.applyTo(temp.resolve("rules"));
        Run run = jar("check", rules.toString());
        assertEquals(1, run.exit(), run.output());
        String expected = Files.readString(broken.expected(), StandardCharsets.UTF_8);
        int count = (int) expected.lines().filter(line -> line.startsWith("ERROR: ")).count();
        assertEquals(expected + "rules: " + count + " error(s); the rules do not load.\n",
                run.output().replace(rules.toString(), "rules"));
    }

    @Test
    void impactListsStricterVerdictsWhenAllergicDiseaseBecomesAbsolute(@TempDir Path temp) throws Exception {
        Path stricter = edited(temp, "checks/allergic-disease.yaml", "severity: relative", "severity: absolute");
        Run run = jar("impact", "rules", stricter.toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("| example allergic-disease: allergic disease | hydralift | REFER → NOT_ELIGIBLE"
                + " | allergic-disease: relative → absolute |"), run.output());
        assertTrue(run.output().contains("| generated: \"yes\" to allergicDisease | mesolifting | REFER → NOT_ELIGIBLE |"),
                run.output());
        assertEquals(List.of("REFER → NOT_ELIGIBLE"), transitions(run.output()));
        assertFalse(run.output().contains("**"), "nothing became more permissive:\n" + run.output());
    }

    @Test
    void impactFlagsMorePermissiveVerdictsWhenBleedingDisorderBecomesRelative(@TempDir Path temp) throws Exception {
        Path laxer = edited(temp, "checks/bleeding-disorder.yaml", "severity: absolute", "severity: relative");
        Path intakes = Files.createDirectories(temp.resolve("intakes"));
        Files.writeString(intakes.resolve("haemophilia-hydralift.json"), """
                { "procedure": "hydralift", "patient": { "age": 41, "sex": "male" },
                  "conditions": [ { "system": "icd-10", "code": "D66" } ] }""");
        Run run = jar("impact", "rules", laxer.toString(), "--intakes", intakes.toString());
        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("| **haemophilia-hydralift.json** | **hydralift** | **NOT_ELIGIBLE → REFER** |"
                + " **bleeding-disorder: absolute → relative** |"), run.output());
        assertTrue(run.output().contains("| **generated: \"yes\" to bleedingDisorder** | **mesotherapy-face** |"
                + " **NOT_ELIGIBLE → REFER** |"), run.output());
        assertTrue(run.output().contains("- **NOT_ELIGIBLE → REFER: "), run.output());
        assertEquals(1, run.output().lines().filter(l -> l.contains("haemophilia-hydralift.json")).count(),
                "an intake that names its procedure is screened for that one only");
    }

    @Test
    void impactOfAFolderThatDoesNotLoadNamesItsErrors(@TempDir Path temp) throws Exception {
        Path broken = edited(temp, "checks/tumor.yaml", "severity: absolute", "sevrity: absolute");
        Run run = jar("impact", "rules", broken.toString());
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("unknown key 'sevrity'; did you mean 'severity'?"), run.output());
    }

    /** The "- A → B: n" lines of the report's summary, without their counts. */
    private static List<String> transitions(String report) {
        List<String> out = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^- (\\S+ → \\S+): \\d+$").matcher(report);
        while (line.find()) {
            out.add(line.group(1));
        }
        return out;
    }

    private static Path edited(Path temp, String file, String from, String to) throws IOException {
        return new Break("edit", file, from, to, BrokenRulesTest.Layer.LOADER).applyTo(temp.resolve("rules"));
    }

    private static Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("rule-authoring", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the command did not finish");
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
