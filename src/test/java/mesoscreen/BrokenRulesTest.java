package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSetException;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.RuleSetRegistry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken rule folder must not load, and must say where and why. Each case copies the bundled
 * rules, breaks one file ({@link #BREAKS}), and compares every error rendered with the expected file in
 * src/test/resources/rule-errors/ exactly (regenerate them with -Drule-errors.update=true and review).
 */
@QuarkusTest
class BrokenRulesTest {
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    /**
     * One way to break the bundled rules: in {@code file}, the first {@code from} becomes {@code to}.
     * {@code caughtBy} is the first layer that sees the error: YAML syntax, the file's JSON Schema
     * (rules/schema/, which the loader agrees with), or only the loader, which alone knows the other
     * files (ids, languages, sources) and runs the examples.
     */
    record Break(String name, String file, String from, String to, Layer caughtBy) {
        /** A copy of the bundled rules under {@code target} with this break made. */
        Path applyTo(Path target) throws IOException {
            Path rules = copyOfBundledRules(target);
            Path broken = rules.resolve(file);
            String text = Files.readString(broken);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " no longer contains '" + from + "': update this case");
            }
            Files.writeString(broken, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
            return rules;
        }

        Path expected() {
            return Path.of("src/test/resources/rule-errors", name + ".txt");
        }
    }

    enum Layer { YAML, SCHEMA, LOADER }

    static final List<Break> BREAKS = List.of(
        new Break("misspelt-answer", "checks/pregnancy.yaml", "    - answer: pregnant", "    - answer: pregnnat", Layer.LOADER),
        new Break("bad-yaml", "checks/tumor.yaml", "kind: contraindication", "kind: [contraindication", Layer.YAML),
        new Break("failing-example", "checks/pregnancy.yaml", "expect: fires", "expect: clear", Layer.LOADER),
        new Break("missing-translation", "checks/keloid-tendency.yaml", "  tr: Keloid oluşturma eğilimi", "", Layer.LOADER),
        new Break("unknown-key", "checks/tumor.yaml", "severity: absolute", "sevrity: absolute", Layer.SCHEMA),
        new Break("unknown-source", "checks/tumor.yaml", "source: seed-leaflet", "source: seed-leaflt", Layer.LOADER),
        new Break("unknown-condition", "checks/bleeding-disorder.yaml", "condition: bleeding-disorder",
                "condition: bleeding", Layer.LOADER),
        new Break("unknown-severity", "checks/tumor.yaml", "severity: absolute", "severity: fatal", Layer.SCHEMA),
        new Break("zero-window", "checks/recent-injectable-treatment.yaml", "filler: { days: 14 }",
                "filler: { days: 0 }", Layer.SCHEMA),
        new Break("unknown-code-system", "vocabulary/conditions.yaml", "{ system: icd-10, code: D66 }",
                "{ system: icd10, code: D66 }", Layer.SCHEMA),
        new Break("bad-loinc", "questions.yaml", "loinc: \"82810-3\"", "loinc: \"82810\"", Layer.SCHEMA));

    static Stream<Arguments> breaks() {
        return BREAKS.stream().map(b -> Arguments.of(b.name(), b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaks")
    void brokenRuleFolderStopsWithFileAndLine(String name, Break broken, @TempDir Path temp) throws IOException {
        Path rules = broken.applyTo(temp.resolve("rules"));

        RuleSetException failure = assertThrows(RuleSetException.class, () -> RuleSetRegistry.load(rules, json,
                new IntakeValidator(validator), LocalDate.of(2026, 11, 21)));

        String rendered = failure.errors().stream().map(RuleError::render)
                .map(error -> error.replace(rules.toString(), "rules"))
                .collect(Collectors.joining("\n")) + "\n";
        if (Boolean.getBoolean("rule-errors.update")) {
            Files.writeString(broken.expected(), rendered);
        }
        assertEquals(Files.readString(broken.expected(), StandardCharsets.UTF_8), rendered);
    }

    static Path copyOfBundledRules(Path target) throws IOException {
        Path source = Path.of("rules");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }
}
