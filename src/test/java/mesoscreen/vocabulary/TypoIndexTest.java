package mesoscreen.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import mesoscreen.text.Suggestions;
import org.junit.jupiter.api.Test;

/**
 * The typo index finds exactly what measuring the distance to every term finds, in the same order:
 * checked for every one-letter edit of every long term of the bundled vocabularies (and random words
 * two edits away), in every language.
 */
class TypoIndexTest {

    @Test
    void findsWhatAScanOfEveryTermFinds() throws IOException {
        TextNormalizer normalizer = new TextNormalizer(Set.of());
        List<String[]> terms = new ArrayList<>();
        List<TypoIndex.Term> indexed = new ArrayList<>();
        for (String[] term : vocabularyTerms()) {
            String normal = normalizer.normalize(term[0]);
            if (!normal.contains(" ") && normal.length() >= 6) {
                terms.add(new String[] {normal, term[1]});
                indexed.add(new TypoIndex.Term(normal, term[1]));
            }
        }
        TypoIndex index = new TypoIndex(indexed);
        Random random = new Random(11);
        int words = 0;
        for (String[] term : terms) {
            for (String word : edits(term[0], random)) {
                assertEquals(scan(terms, word), indexed(index, word), word);
                words++;
            }
        }
        assertEquals(true, words > 10_000, "checked " + words + " words");
    }

    /** The one-pass check says what the distance says, on every word of one and two edits from long terms. */
    @Test
    void oneTypoApartIsADistanceOfAtMostOne() throws IOException {
        Random random = new Random(7);
        int pairs = 0;
        for (String[] term : vocabularyTerms()) {
            String normal = term[0].toLowerCase(java.util.Locale.ROOT);
            Set<String> near = edits(normal, random);
            for (String once : List.copyOf(near)) {
                near.addAll(edits(once, random));
            }
            for (String word : near) {
                assertEquals(Suggestions.distance(word, normal, 1) <= 1, TypoIndex.oneTypoApart(word, normal),
                        word + " / " + normal);
                assertEquals(Suggestions.distance(normal, word, 1) <= 1, TypoIndex.oneTypoApart(normal, word),
                        normal + " / " + word);
                pairs++;
            }
            if (pairs > 400_000) {
                break;
            }
        }
        for (String[] pair : new String[][] {{"", ""}, {"", "a"}, {"ab", "ba"}, {"abc", "acb"}, {"abc", "bca"},
                {"aab", "ab"}, {"ab", "abb"}, {"abcd", "badc"}, {"x", "y"}, {"xy", "yx"}}) {
            assertEquals(Suggestions.distance(pair[0], pair[1], 1) <= 1, TypoIndex.oneTypoApart(pair[0], pair[1]),
                    pair[0] + " / " + pair[1]);
        }
        assertEquals(true, pairs > 50_000, "checked " + pairs + " pairs");
    }

    @Test
    void keysAreTheHashesOfTheWordAndOfEachDeletion() {
        for (String word : List.of("", "a", "warfarin", "варфарин", "kanserım", "ab\uD83D\uDE00c")) {
            List<Integer> expected = new ArrayList<>();
            expected.add(word.hashCode());
            for (int i = 0; i < word.length(); i++) {
                expected.add((word.substring(0, i) + word.substring(i + 1)).hashCode());
            }
            assertEquals(expected, java.util.Arrays.stream(TypoIndex.keys(word)).boxed().toList(), word);
        }
    }

    private static List<String> scan(List<String[]> terms, String word) {
        List<String> found = new ArrayList<>();
        for (String[] term : terms) {
            if (Suggestions.distance(word, term[0], 1) <= 1) {
                found.add(term[1] + "=" + term[0]);
            }
        }
        return found;
    }

    private static List<String> indexed(TypoIndex index, String word) {
        List<String> found = new ArrayList<>();
        index.near(word, (id, term) -> found.add(id + "=" + term));
        return found;
    }

    /** The word, each deletion, substitution, insertion and swap of one letter, and some of two. */
    private static Set<String> edits(String word, Random random) {
        Set<String> out = new LinkedHashSet<>();
        out.add(word);
        String letters = "aeioumnrstxyzıиоäöü" + word;
        for (int i = 0; i < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
            char other = letters.charAt(random.nextInt(letters.length()));
            out.add(word.substring(0, i) + other + word.substring(i + 1));
            out.add(word.substring(0, i) + other + word.substring(i));
            if (i + 1 < word.length()) {
                out.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
            }
        }
        List<String> once = new ArrayList<>(out);
        for (int n = 0; n < 10; n++) {
            String first = once.get(random.nextInt(once.size()));
            int at = random.nextInt(first.length() + 1);
            out.add(first.substring(0, at) + letters.charAt(random.nextInt(letters.length())) + first.substring(at));
        }
        return out;
    }

    /** {term, id} of every free-text term in rules/vocabulary. */
    private static List<String[]> vocabularyTerms() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules/vocabulary"))) {
            for (Path file : files.sorted().toList()) {
                yaml.readTree(file.toFile()).forEach(list -> list.forEach(entry -> {
                    JsonNode text = entry.path("text");
                    text.forEach(terms -> terms.forEach(term -> out.add(new String[] {term.asText(), entry.path("id").asText()})));
                }));
            }
        }
        return out;
    }
}
