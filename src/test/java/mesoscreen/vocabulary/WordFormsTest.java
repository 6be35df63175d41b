package mesoscreen.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

/**
 * The one-walk stemmer gives exactly what its definition gives, in the same order: take off every ending that
 * fits (again and again where the language repeats), harden each stem, longest first. Checked for the bundled
 * word forms on every word of every term, those words with up to three random endings added, and random words.
 */
class WordFormsTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer(Set.of());

    @Test
    void stemsAsTheDefinitionDoes() throws IOException {
        List<WordForms.Language> languages = bundled();
        WordForms forms = new WordForms(languages);
        Random random = new Random(7);
        int checked = 0;
        int stemmed = 0;
        for (String word : words(languages, random)) {
            List<String> expected = definition(languages, word);
            assertEquals(expected, forms.candidates(word), word);
            checked++;
            stemmed += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(checked > 10_000 && stemmed > 4_000, "checked " + checked + " words, " + stemmed + " with stems");
    }

    /** The plain definition: every ending tried at every step, stems collected in the order found, then longest first. */
    private static List<String> definition(List<WordForms.Language> languages, String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(word.codePointAt(0));
        for (WordForms.Language language : languages) {
            if (language.script() == script) {
                Set<String> out = new LinkedHashSet<>();
                strip(language, word, out);
                List<String> sorted = new ArrayList<>(out);
                sorted.sort(Comparator.comparingInt(String::length).reversed());
                return sorted;
            }
        }
        return List.of();
    }

    private static void strip(WordForms.Language language, String word, Collection<String> out) {
        for (String ending : language.endings()) {
            if (word.length() - ending.length() >= language.minStem() && word.endsWith(ending)) {
                String stem = word.substring(0, word.length() - ending.length());
                if (out.add(stem)) {
                    Character hard = language.softening().get(stem.charAt(stem.length() - 1));
                    if (hard != null) {
                        out.add(stem.substring(0, stem.length() - 1) + hard);
                    }
                    if (language.repeat()) {
                        strip(language, stem, out);
                    }
                }
            }
        }
    }

    private static Set<String> words(List<WordForms.Language> languages, Random random) throws IOException {
        List<String> endings = languages.stream().flatMap(l -> l.endings().stream()).toList();
        Set<String> out = new LinkedHashSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var files = java.nio.file.Files.list(Path.of("rules/vocabulary"))) {
            for (Path file : files.sorted().toList()) {
                yaml.readTree(file.toFile()).forEach(list -> list.forEach(entry -> entry.path("text").forEach(
                        terms -> terms.forEach(term -> {
                            for (String word : NORMALIZER.normalize(term.asText()).split(" ")) {
                                out.add(word);
                                StringBuilder longer = new StringBuilder(word);
                                for (int n = 0; n < 3; n++) {
                                    longer.append(endings.get(random.nextInt(endings.size())));
                                    out.add(longer.toString());
                                }
                            }
                        }))));
            }
        }
        String letters = "abcdegiklmnrstuyzаеиклмнорстуюяйьыхвм";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder word = new StringBuilder();
            for (int length = 1 + random.nextInt(10); length > 0; length--) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            out.add(word.toString());
        }
        return out;
    }

    /** The word forms of the bundled rules, as the loader reads them. */
    private static List<WordForms.Language> bundled() {
        List<WordForms.Language> out = RuleSetLoader.load(Path.of("rules")).vocabulary().conditions().wordForms().languages();
        assertEquals(2, out.size(), "the bundled word forms: ru and tr");
        return out;
    }
}
