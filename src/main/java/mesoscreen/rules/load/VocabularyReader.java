package mesoscreen.rules.load;

import mesoscreen.text.Ordered;
import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mesoscreen.rules.Node;
import mesoscreen.text.Localized;
import mesoscreen.vocabulary.Asserter;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Concern;
import mesoscreen.vocabulary.Lexicon;
import mesoscreen.vocabulary.TextNormalizer;
import mesoscreen.vocabulary.Vocabulary;
import mesoscreen.vocabulary.WordForms;

/**
 * Reads {@code vocabulary/}: ignored words, word forms, areas, procedure types, then the lexicons of
 * ingredients and allergens, conditions and medications, and the cues that say how an entry is meant. Concerns name programmes of the catalogue, so they come later
 * ({@link #with}).
 */
final class VocabularyReader {
    private final Reading reading;
    private WordForms forms = WordForms.NONE;

    private VocabularyReader(Reading reading) {
        this.reading = reading;
    }

    /** Everything of the vocabulary but the concerns. */
    record Words(TextNormalizer normalizer, Map<String, Localized> areas, Map<String, Localized> procedureTypes,
                 Map<String, Localized> ingredients, Lexicon allergens, Lexicon conditions, Lexicon medications,
                 Asserter asserter) {

        Vocabulary with(Map<String, Concern> concerns) {
            return new Vocabulary(conditions, medications, allergens, areas, concerns, ingredients, procedureTypes,
                    asserter);
        }
    }

    private record Named(String id, Localized name) {
    }

    static Words read(Reading reading) {
        return new VocabularyReader(reading).read();
    }

    private Words read() {
        TextNormalizer normalizer = new TextNormalizer(Set.of());
        Node ignored = reading.root("vocabulary/ignored-words.yaml", true);
        if (ignored != null) {
            TextNormalizer declared = reading.problems().attempt(() -> {
                ignored.object(Set.of("words"));
                return new TextNormalizer(Set.copyOf(ignored.required("words").texts()));
            });
            normalizer = declared == null ? normalizer : declared;
        }
        AssertionReader assertion = new AssertionReader(reading, normalizer);
        forms = assertion.wordForms();
        Map<String, Localized> areas = names("vocabulary/areas.yaml", "areas");
        Map<String, Localized> procedureTypes = names("vocabulary/procedure-types.yaml", "procedureTypes");
        // Ingredients are allergens too: an allergy to one meets the procedures that contain it.
        Lexicon.Builder allergens = Lexicon.builder(normalizer).wordForms(forms);
        Map<String, Localized> ingredients = names(reading.list("vocabulary/ingredients.yaml", "ingredients",
                node -> entry(node, allergens, true), Named::id));
        reading.list("vocabulary/allergens.yaml", "allergens", node -> entry(node, allergens, true), Named::id);
        // A disease is named by its whole name: "hay fever" is no fever, a "cold sore" no cold.
        Lexicon conditions = lexicon("vocabulary/conditions.yaml", "conditions",
                Lexicon.wholeNameBuilder(normalizer).wordForms(forms));
        Lexicon medications = lexicon("vocabulary/medications.yaml", "medications",
                Lexicon.builder(normalizer).wordForms(forms));
        return new Words(normalizer, areas, procedureTypes, ingredients, allergens.build(), conditions, medications,
                assertion.asserter(forms, conditions.ids()));
    }

    private Map<String, Localized> names(String relative, String key) {
        return names(reading.list(relative, key, node -> {
            Map<String, Node> fields = node.object(orderedSet("id", "name", "source"));
            if (fields.containsKey("source")) {
                reading.source(fields.get("source"));
            }
            return new Named(node.required("id").text(), reading.localized(node.required("name")));
        }, Named::id));
    }

    private static Map<String, Localized> names(Map<String, Named> named) {
        Map<String, Localized> out = new LinkedHashMap<>();
        named.forEach((id, entry) -> out.put(id, entry.name()));
        return Ordered.copy(out);
    }

    private Lexicon lexicon(String relative, String key, Lexicon.Builder lexicon) {
        reading.list(relative, key, node -> entry(node, lexicon, false), Named::id);
        return lexicon.build();
    }

    /** One vocabulary entry: id, optional name and source, codes, and free-text terms per language. */
    private Named entry(Node node, Lexicon.Builder lexicon, boolean named) {
        node.object(orderedSet("id", "name", "codes", "covers", "text", "source"));
        String id = node.required("id").text();
        if (!node.get("covers").isMissing()) {
            // What the class claims of ICD-10, for reviewers; a test proves each category resolves to it.
            for (Node range : node.get("covers").list()) {
                if (!range.text().matches("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?(-[A-Z][0-9][0-9A-Z])?")) {
                    throw range.error("an ICD-10 category (Z33), subcategory (D69.3) or range of categories (I00-I99)");
                }
            }
        }
        Localized name = named || !node.get("name").isMissing() ? reading.localized(node.required("name")) : null;
        if (!node.get("source").isMissing()) {
            reading.source(node.get("source"));
        }
        lexicon.addId(id);
        if (!node.get("codes").isMissing()) {
            for (Node code : node.get("codes").list()) {
                code.object(orderedSet("system", "code"));
                String system = code.required("system").oneOf(Set.copyOf(CodeSystems.aliases()), "code system");
                lexicon.addCode(id, system, code.required("code").text());
            }
        }
        if (!node.get("text").isMissing()) {
            node.get("text").entries().forEach((language, terms) -> {
                if (!reading.languages().contains(language)) {
                    throw terms.keyError("unknown language '" + language + "'; the rule set has " + reading.languages());
                }
                for (Node term : terms.list()) {
                    String clash = lexicon.addTerm(id, term.text(), language);
                    if (clash != null) {
                        throw term.error("'" + term.text() + "' already names '" + clash + "'");
                    }
                }
            });
        }
        return new Named(id, name);
    }
}
