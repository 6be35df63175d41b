package mesoscreen.rules.load;

import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mesoscreen.rules.Node;
import mesoscreen.vocabulary.Asserter;
import mesoscreen.vocabulary.Lexicon;
import mesoscreen.vocabulary.TextNormalizer;
import mesoscreen.vocabulary.WordForms;

/**
 * Reads {@code vocabulary/word-forms.yaml} (before the lexicons, which read their terms in every word
 * form) and {@code vocabulary/assertion.yaml} (after them, as its meanings name their ids) into a
 * compiled {@link Asserter}. Both files are optional: without them every word is read as written and
 * every entry as affirmed.
 */
final class AssertionReader {
    private static final Map<String, Character.UnicodeScript> SCRIPTS = Map.of(
            "latin", Character.UnicodeScript.LATIN, "cyrillic", Character.UnicodeScript.CYRILLIC,
            "greek", Character.UnicodeScript.GREEK, "arabic", Character.UnicodeScript.ARABIC);

    private final Reading reading;
    private final TextNormalizer normalizer;

    AssertionReader(Reading reading, TextNormalizer normalizer) {
        this.reading = reading;
        this.normalizer = normalizer;
    }

    WordForms wordForms() {
        Map<String, WordForms.Language> languages = reading.list("vocabulary/word-forms.yaml", "wordForms",
                this::language, WordForms.Language::language);
        Set<Character.UnicodeScript> scripts = new LinkedHashSet<>();
        for (WordForms.Language language : languages.values()) {
            if (!scripts.add(language.script())) {
                reading.problems().add(reading.root("vocabulary/word-forms.yaml", true).error(
                        "two languages stem the " + language.script().name().toLowerCase(Locale.ROOT)
                                + " script; a word is stemmed by its script's one language").error());
            }
        }
        return new WordForms(List.copyOf(languages.values()));
    }

    private WordForms.Language language(Node node) {
        node.object(orderedSet("language", "script", "minStem", "repeat", "softening", "endings", "source"));
        String language = node.required("language").oneOf(Set.copyOf(reading.languages()), "language");
        Character.UnicodeScript script = SCRIPTS.get(node.required("script").oneOf(SCRIPTS.keySet(), "script"));
        int minStem = node.required("minStem").integer();
        if (minStem < 2) {
            throw node.get("minStem").error("a stem of at least 2 letters");
        }
        List<String> endings = new ArrayList<>();
        for (Node ending : node.required("endings").list()) {
            String folded = normalizer.normalize(ending.text());
            if (folded.isEmpty() || folded.contains(" ")) {
                throw ending.error("an ending is letters of one word");
            }
            endings.add(folded);
        }
        Map<Character, Character> softening = new HashMap<>();
        if (!node.get("softening").isMissing()) {
            node.get("softening").entries().forEach((soft, hard) -> {
                if (soft.length() != 1 || hard.text().length() != 1) {
                    throw hard.error("a letter and the letter it hardens to");
                }
                softening.put(soft.charAt(0), hard.text().charAt(0));
            });
        }
        if (!node.get("source").isMissing()) {
            reading.source(node.get("source"));
        }
        boolean repeat = !node.get("repeat").isMissing() && node.get("repeat").bool();
        return new WordForms.Language(language, script, endings, minStem, repeat, softening);
    }

    /** The asserter of {@code vocabulary/assertion.yaml}; its meanings name ids of {@code conditions}. */
    Asserter asserter(WordForms forms, Set<String> conditions) {
        Node root = reading.root("vocabulary/assertion.yaml", false);
        if (root == null) {
            return Asserter.NONE;
        }
        Asserter read = reading.problems().attempt(() -> {
            root.object(Set.of("assertion"));
            Node assertion = root.required("assertion");
            assertion.object(orderedSet("reach", "nothingSymbols", "cues", "meaning"));
            int reach = assertion.required("reach").integer();
            if (reach < 0 || reach > 20) {
                throw assertion.get("reach").error("a reach of 0 to 20 words");
            }
            Set<String> symbols = new LinkedHashSet<>();
            if (!assertion.get("nothingSymbols").isMissing()) {
                assertion.get("nothingSymbols").texts().forEach(t -> symbols.add(t.strip().toLowerCase(Locale.ROOT)));
            }
            Lexicon.Builder cues = Lexicon.wholeNameBuilder(normalizer).wordForms(forms).exactOnly();
            Map<String, Asserter.Cue> byId = new LinkedHashMap<>();
            for (Node cue : assertion.required("cues").list()) {
                reading.problems().attempt(() -> cue(cue, cues, byId));
            }
            return new Asserter(cues.build(), byId, reach, symbols, meaning(assertion.required("meaning"), conditions));
        });
        return read == null ? Asserter.NONE : read;
    }

    private void cue(Node node, Lexicon.Builder cues, Map<String, Asserter.Cue> byId) {
        node.object(orderedSet("kind", "side", "text", "source"));
        Asserter.Kind kind = Asserter.Kind.valueOf(node.required("kind").oneOf(names(Asserter.Kind.values()), "cue kind")
                .toUpperCase(Locale.ROOT).replace('-', '_'));
        Asserter.Side side = Asserter.Side.valueOf(node.required("side").oneOf(names(Asserter.Side.values()), "side")
                .toUpperCase(Locale.ROOT));
        Asserter.Cue cue = new Asserter.Cue(kind, side);
        byId.put(cue.id(), cue);
        reading.source(node.required("source"));
        node.required("text").entries().forEach((language, terms) -> {
            if (!reading.languages().contains(language)) {
                throw terms.keyError("unknown language '" + language + "'; the rule set has " + reading.languages());
            }
            for (Node term : terms.list()) {
                if (normalizer.normalize(term.text()).isEmpty()) {
                    throw term.error("'" + term.text() + "' has no word once doses and numbers are dropped");
                }
                String clash = cues.addTerm(cue.id(), term.text(), language);
                if (clash != null) {
                    throw term.error("'" + term.text() + "' is already a cue of " + describe(byId.get(clash)));
                }
            }
        });
    }

    private Asserter.Meaning meaning(Node node, Set<String> conditions) {
        node.object(orderedSet("activeForm", "presentOnly", "remains", "futureCounts"));
        return new Asserter.Meaning(pairs(node.get("activeForm"), conditions), ids(node.get("presentOnly"), conditions),
                pairs(node.get("remains"), conditions), ids(node.get("futureCounts"), conditions));
    }

    private static Map<String, String> pairs(Node node, Set<String> conditions) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!node.isMissing()) {
            node.entries().forEach((from, to) -> {
                if (!conditions.contains(from)) {
                    throw to.keyError("unknown condition '" + from + "'");
                }
                out.put(from, to.oneOf(conditions, "condition"));
            });
        }
        return out;
    }

    private static Set<String> ids(Node node, Set<String> conditions) {
        Set<String> out = new LinkedHashSet<>();
        if (!node.isMissing()) {
            node.list().forEach(id -> out.add(id.oneOf(conditions, "condition")));
        }
        return out;
    }

    private static String describe(Asserter.Cue cue) {
        return cue.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " (" + cue.side().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (Enum<?> value : values) {
            out.add(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return out;
    }
}
