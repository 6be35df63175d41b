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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSetException;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.RuleSetRegistry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A broken rule folder must not load, and must say where and why. Each case copies the bundled
 * rules, breaks one file, and compares every error rendered with the expected file in
 * src/test/resources/rule-errors/ exactly (regenerate them with -Drule-errors.update=true and review).
 */
@QuarkusTest
class BrokenRulesTest {
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "misspelt-answer     | checks/pregnancy.yaml | '    - answer: pregnant' | '    - answer: pregnnat'",
        "bad-yaml            | checks/tumor.yaml     | 'kind: contraindication' | 'kind: [contraindication'",
        "failing-example     | checks/pregnancy.yaml | 'expect: fires'          | 'expect: clear'",
        "missing-translation | checks/keloid-tendency.yaml | '  tr: Keloid oluşturma eğilimi' | ''",
        "unknown-key         | checks/tumor.yaml     | 'severity: absolute'     | 'sevrity: absolute'",
        "unknown-source      | checks/tumor.yaml     | 'source: seed-leaflet'   | 'source: seed-leaflt'",
        "unknown-condition   | checks/bleeding-disorder.yaml | 'condition: bleeding-disorder' | 'condition: bleeding'",
    })
    void brokenRuleFolderStopsWithFileAndLine(String name, String file, String from, String to, @TempDir Path temp)
            throws IOException {
        Path rules = copyOfBundledRules(temp.resolve("rules"));
        Path broken = rules.resolve(file);
        String text = Files.readString(broken);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains '" + from + "': update this case");
        }
        Files.writeString(broken, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));

        RuleSetException failure = assertThrows(RuleSetException.class, () -> RuleSetRegistry.load(rules, json,
                new IntakeValidator(validator), LocalDate.of(2026, 11, 21)));

        String rendered = failure.errors().stream().map(RuleError::render)
                .map(error -> error.replace(rules.toString(), "rules"))
                .collect(Collectors.joining("\n")) + "\n";
        Path expected = Path.of("src/test/resources/rule-errors", name + ".txt");
        if (Boolean.getBoolean("rule-errors.update")) {
            Files.writeString(expected, rendered);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), rendered);
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
