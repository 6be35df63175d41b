package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import mesoscreen.result.Rendering;
import mesoscreen.intake.Intake;
import mesoscreen.vocabulary.Lexicon;
import mesoscreen.vocabulary.TextNormalizer;

/**
 * Coverage-guided fuzzing (Jazzer) of the pure engine, without HTTP: free text through the normalizer and
 * the lexicons, and any bytes through the service's strict JSON reader, the validator and the screener.
 *
 * <p>In {@code ./mvnw verify} each test only replays its inputs (src/test/resources/mesoscreen/
 * IntakeFuzzTestInputs/) in a JVM of its own, because Jazzer installs a Java agent. To fuzz for real:
 * {@code JAZZER_FUZZ=1 ./mvnw test-compile surefire:test@jazzer}; a finding is written next to the inputs
 * and then replayed by every build.
 */
class IntakeFuzzTest {
    private static final ObjectMapper JSON = Rendering.strictReader();
    private static final TextNormalizer NORMALIZER = Intakes.RULES.normalizer();
    private static final List<Lexicon> LEXICONS = List.of(Intakes.RULES.vocabulary().conditions(),
            Intakes.RULES.vocabulary().medications(), Intakes.RULES.vocabulary().allergens());

    /**
     * Any text is normalized and looked up without failure, names only known ids, and normalizing twice
     * changes nothing (vocabulary terms are stored normalized, so a term must normalize to itself).
     */
    @FuzzTest(maxDuration = "2m")
    void freeTextIsReadWithoutFailure(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String once = NORMALIZER.normalize(text);
        assertEquals(once, NORMALIZER.normalize(once), "normalizing twice");
        for (Lexicon lexicon : LEXICONS) {
            assertTrue(lexicon.ids().containsAll(lexicon.byText(text).keySet()));
        }
    }

    /**
     * Any body is refused by the strict reader (a Jackson error, which the service maps to a 400), refused
     * by the validator, or screened: never another exception, which the service would answer with a 500.
     */
    @FuzzTest(maxDuration = "2m")
    void anyBodyIsRefusedOrScreened(byte[] body) {
        Intake intake;
        try {
            intake = JSON.readValue(body, Intake.class);
        } catch (IOException refused) {
            return;
        }
        if (intake == null || !Engine.violations(intake).isEmpty()) {
            return;
        }
        assertNotNull(Engine.screen(intake).verdict().eligibility());
    }
}
