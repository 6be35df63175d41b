package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        Path rules = BrokenRulesTest.copyOfBundledRules(temp.resolve("rules"));
        Path file = rules.resolve("checks/pregnancy.yaml");
        // Every example that states the pregnancy in a list goes, so that only the answer's branch is tried.
        String yaml = Files.readString(file);
        Files.writeString(file, Pattern.compile("(?m)^  - name: [^\n]*\n(?:    [^\n]*\n)*").matcher(yaml)
                .replaceAll(m -> m.group().contains("conditions:") ? "" : Matcher.quoteReplacement(m.group())));
        Run run = jar("check", rules.toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().replace(rules.toString(), "rules").contains("""
                UNTRIED: rules/checks/pregnancy.yaml:9:7: rule 'pregnancy': no example makes this branch of 'any' true: \
                condition pregnancy
                 |     - condition: pregnancy
                 | ......^
                """), run.output());
    }

    @Test
    void checkNamesAQuestionThatNoExampleAnswers(@TempDir Path temp) throws Exception {
        Path rules = BrokenRulesTest.copyOfBundledRules(temp.resolve("rules"));
        Files.writeString(rules.resolve("questions.yaml"), """
                  - id: tattoo
                    group: about-you
                    label: { en: "Do you have a tattoo?", ru: "У вас есть татуировка?", tr: "Dövmeniz var mı?" }
                """, StandardOpenOption.APPEND);
        // Its examples decide the rule through the condition alone: the question is never answered.
        Files.writeString(rules.resolve("checks/tattoo-note.yaml"), """
                id: tattoo-note
                kind: note
                procedures: all
                when:
                  any:
                    - all: [ { answer: tattoo }, { sex: male } ]
                    - condition: pregnancy
                title: { en: Tattoo, ru: Татуировка, tr: Dövme }
                message: { en: Ask about the tattoo., ru: Спросите о татуировке., tr: Dövmeyi sorun. }
                source: seed-leaflet
                examples:
                  - name: pregnant
                    intake: { patient: { age: 30, sex: female }, conditions: [ { text: pregnancy } ] }
                    expect: fires
                  - name: not pregnant
                    intake: { patient: { age: 30, sex: female } }
                    expect: clear
                """);
        Run run = jar("check", rules.toString());
        assertEquals(0, run.exit(), run.output());
        String output = run.output().replace(rules.toString(), "rules");
        assertTrue(output.contains("UNTRIED: rules/questions.yaml: no example answers question 'tattoo'\n"), output);
        assertTrue(output.contains("UNTRIED: rules/checks/tattoo-note.yaml:6:7: rule 'tattoo-note': no example makes"
                + " this branch of 'any' true: all(answer tattoo, sex"), output);
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
        // An entry of two classes (atopic dermatitis: allergic, and a skin inflammation that defers) goes from DEFER:
        // every change ends in NOT_ELIGIBLE, the stricter verdict.
        List<String> transitions = transitions(run.output());
        assertTrue(transitions.contains("REFER → NOT_ELIGIBLE"), transitions::toString);
        assertTrue(transitions.stream().allMatch(t -> t.endsWith("→ NOT_ELIGIBLE")), transitions::toString);
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

    @Test
    void checkWithClinicsNamesTheBrokenOverlaysFile(@TempDir Path temp) throws Exception {
        Path clinics = temp.resolve("clinics");
        ClinicsTest.writeClinics(clinics);
        Path broken = clinics.resolve("clinic-b/checks/isotretinoin.yaml");
        Files.writeString(broken, Files.readString(broken).replace("months: 12", "monhts: 12"));
        Run run = jar("check", "rules", "--clinics", clinics.toString());
        assertEquals(1, run.exit(), run.output());
        String output = run.output().replace(clinics.toString(), "clinics");
        assertTrue(output.contains("ERROR: clinics/clinic-b/checks/isotretinoin.yaml:9:55: unknown key 'monhts'; did you"
                + " mean 'months'?"), output);
        assertTrue(output.contains("clinic clinic-b (clinics/clinic-b over rules): 1 error(s); the rules do not load."),
                output);
        assertTrue(output.contains("clinics/clinic-a: clinic clinic-a's rule set 2026.11.0+clinic-a ("), output);
        // A broken clinic.yaml is located like any rule file.
        Files.writeString(clinics.resolve("clinic-a/clinic.yaml"), "name: Clinic A\noffered: [ hydralyft ]\n");
        output = jar("check", "rules", "--clinics", clinics.toString()).output().replace(clinics.toString(), "clinics");
        assertTrue(output.contains("ERROR: clinics/clinic-a/clinic.yaml:2:12: unknown procedure 'hydralyft'; did you"
                + " mean 'hydralift'?"), output);
    }

    @Test
    void impactSeesAShorterIsotretinoinWindowThatEveryExampleStillHolds(@TempDir Path temp) throws Exception {
        Path shorter = edited(temp, "checks/isotretinoin.yaml", "months: 6", "months: 3");
        Run run = jar("impact", "rules", shorter.toString());
        assertEquals(3, run.exit(), run.output());
        assertTrue(Pattern.compile("\\| \\*\\*generated: medications: isotretinoin stopped on \\S+, planned \\S+ \\(just"
                + " inside 6 months\\)\\*\\* \\| \\*\\*hydralift\\*\\* \\| \\*\\*DEFER → ELIGIBLE\\*\\* \\|"
                + " \\*\\*isotretinoin: temporary → clear\\*\\* \\|").matcher(run.output()).find(), run.output());
    }

    @Test
    void impactSeesARecentProcedureWindowAndAnAgeBoundMadeMorePermissive(@TempDir Path temp) throws Exception {
        Path window = edited(temp.resolve("window"), "checks/recent-injectable-treatment.yaml", "filler: { days: 14 }",
                "filler: { days: 12 }");
        Run run = jar("impact", "rules", window.toString());
        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("(just inside 14 days)** | **hydralift** | **DEFER → ELIGIBLE** |"
                + " **recent-injectable-treatment: temporary → clear** |"), run.output());
        // Under 16 instead of under 18, its examples moved with it.
        Path age = edited(temp.resolve("age"), "checks/under-18.yaml", "age: { max: 17 }", "age: { max: 15 }");
        Path rule = age.resolve("checks/under-18.yaml");
        Files.writeString(rule, Files.readString(rule).replace("age: 17, sex: male", "age: 15, sex: male")
                .replace("age: 16, sex: female", "age: 14, sex: female").replace("2009-06-01", "2011-06-01"));
        run = jar("impact", "rules", age.toString());
        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("| **generated: age 16** | **hydralift** | **DEFER → ELIGIBLE** |"
                + " **under-18: temporary → clear** |"), run.output());
    }

    @Test
    void impactReportsPerClinicAndWhatAClinicChanges(@TempDir Path temp) throws Exception {
        Path clinics = temp.resolve("clinics");
        ClinicsTest.writeClinics(clinics);
        Path stricter = edited(temp, "checks/allergic-disease.yaml", "severity: relative", "severity: absolute");
        Run run = jar("impact", "rules", stricter.toString(), "--clinics", clinics.toString());
        assertEquals(0, run.exit(), run.output());
        String output = run.output().replace(clinics.toString(), "clinics").replace(stricter.toString(), "new");
        assertTrue(output.contains("# Change impact: rules → new\n"), output);
        assertTrue(output.contains("# Change impact: clinic clinic-a on rules → clinic clinic-a on new\n"), output);
        assertTrue(output.contains("# Change impact: clinic clinic-b on rules → clinic clinic-b on new\n"), output);
        assertTrue(output.contains("- new: `clinic clinic-b on new`, rule set 2026.11.0+clinic-b.1 ("), output);
        // Clinic B against the base: a longer wait after isotretinoin, and no PRP (stricter, so exit 0).
        run = jar("impact", "rules", clinics.resolve("clinic-b").toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(Pattern.compile("\\| generated: medications: isotretinoin stopped on \\S+, planned \\S+ \\(just"
                + " outside 6 months\\) \\| hydralift \\| ELIGIBLE → DEFER \\| isotretinoin: clear → temporary \\|")
                .matcher(run.output()).find(), run.output());
        assertTrue(run.output().contains("| prp-mesotherapy | ELIGIBLE → REJECTED |"), run.output());
        // Made more permissive in a clinic, it exits 3 like any other change.
        Path laxer = clinics.resolve("clinic-b/checks/isotretinoin.yaml");
        Files.writeString(laxer, Files.readString(laxer).replace("months: 12", "months: 3")
                .replace("2025-10-15", "2026-04-15"));
        assertEquals(3, jar("impact", "rules", clinics.resolve("clinic-b").toString()).exit());
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
