package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Finding;
import mesoscreen.rules.condition.Truth;
import mesoscreen.screening.Screening;
import mesoscreen.vocabulary.Asserter;
import mesoscreen.vocabulary.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assertion corpus of issue 18 ({@code src/test/resources/assertion-corpus.yaml}): free-text entries in
 * English, Russian and Turkish, each with the verdict, the rules and the reading expected, screened by the real
 * engine on a healthy woman who answered every question "no", so that the entry alone decides.
 */
class AssertionCorpusTest {
    record Case(String lang, String list, String text, String verdict, List<String> rules, List<String> read) {
        @Override
        public String toString() {
            return lang + " " + list + ": '" + text + "'";
        }
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = AssertionCorpusTest.class.getResourceAsStream("/assertion-corpus.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Case> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                out.add(new Case(c.get("lang").asText(), c.get("list").asText(), c.get("text").asText(),
                        c.get("verdict").asText(), texts(c.get("rules")), texts(c.get("read"))));
            }
            return out;
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A healthy 35-year-old woman, every question answered "no", for hydralift, with this one entry. */
    static Intake intake(String list, String text) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Intakes.RULES.questions().values().forEach(q -> answers.put(q.id(), Answer.NO));
        Intake.Entry entry = new Intake.Entry(null, null, text);
        return new Intake("hydralift", IntakeArbitraries.PLANNED, new Intake.Patient(35, null, Sex.FEMALE), answers,
                list.equals("conditions") ? List.of(entry) : List.of(),
                list.equals("medications") ? List.of(new Intake.Medication(null, null, text, null)) : List.of(),
                list.equals("allergies") ? List.of(entry) : List.of(), List.of(), List.of(), List.of());
    }

    static Lexicon lexicon(String list) {
        return switch (list) {
            case "conditions" -> Intakes.RULES.vocabulary().conditions();
            case "medications" -> Intakes.RULES.vocabulary().medications();
            default -> Intakes.RULES.vocabulary().allergens();
        };
    }

    /** How the asserter reads an entry: id=assertion per concept, or nothing, or unrecognized. */
    static List<String> reading(String list, String text) {
        Asserter.Entry entry = Intakes.RULES.vocabulary().asserter().read(text, lexicon(list), 2026);
        if (entry.nothing()) {
            return List.of("nothing");
        }
        if (entry.unread()) {
            return List.of("unrecognized");
        }
        return entry.reads().stream().map(r -> r.id() + "=" + r.assertion().json()).toList();
    }

    static Collection<String> fired(Screening screening) {
        TreeSet<String> out = new TreeSet<>();
        screening.verdict().contraindications().forEach(f -> out.add(f.rule().id()));
        screening.verdict().precautions().stream().filter(f -> f.truth() == Truth.TRUE).map(Finding::rule)
                .forEach(r -> out.add(r.id()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachEntryIsReadAndDecidedAsExpected(Case c) {
        Screening screening = Engine.screen(intake(c.list(), c.text()));
        assertEquals(c.read(), reading(c.list(), c.text()), "reading");
        assertEquals(new TreeSet<>(c.rules()), fired(screening), "rules");
        assertEquals(c.verdict(), screening.verdict().eligibility().name(), "verdict");
        boolean setAside = c.read().stream().anyMatch(r -> r.equals("nothing") || r.matches(".*=(negated|someone-else|future|past)"));
        if (setAside && !screening.setAside().isEmpty()) {
            screening.setAside().forEach(f -> assertEquals("text", f.field()));
        }
        // Never dropped silently: an entry is counted, set aside or unrecognised.
        assertTrue(!fired(screening).isEmpty() || !screening.setAside().isEmpty() || !screening.unrecognized().isEmpty(),
                "the entry appears somewhere in the answer");
    }

    @Test
    void theCorpusCoversEveryDimensionInEveryLanguage() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 150, "at least 150 cases: " + cases.size());
        for (String lang : List.of("en", "ru", "tr")) {
            long count = cases.stream().filter(c -> c.lang().equals(lang)).count();
            assertTrue(count >= 45, lang + " has " + count);
            for (String dimension : List.of("nothing", "=negated", "=someone-else", "=current", "=past", "=uncertain",
                    "=future", "=affirmed")) {
                assertTrue(cases.stream().anyMatch(c -> c.lang().equals(lang)
                        && c.read().stream().anyMatch(r -> r.endsWith(dimension))), lang + " lacks " + dimension);
            }
            assertTrue(cases.stream().anyMatch(c -> c.lang().equals(lang) && c.read().size() > 1),
                    lang + " lacks a multi-clause entry");
        }
        assertTrue(Stream.of("medications", "allergies", "conditions").allMatch(list ->
                cases.stream().anyMatch(c -> c.list().equals(list))));
    }
}
