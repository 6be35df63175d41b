package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import mesoscreen.text.Suggestions;

/**
 * Finds the terms one typo away from a word without measuring the distance to every term: each term
 * is filed under itself and under each of its one-letter deletions, and a word looks up its own. Two
 * words one wrong, missing, extra or swapped letter apart always share such a key, so the few terms
 * found this way are then checked with {@link Suggestions#distance}, exactly as a scan of every term
 * would check them, and reported in the order they were added, as such a scan would report them.
 */
final class TypoIndex {
    /** {term, id} in the order added. */
    private final List<String[]> terms = new ArrayList<>();
    /** A term, or a term less one letter, to the positions of the terms it comes from. */
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    void add(String term, String id) {
        int position = terms.size();
        terms.add(new String[] {term, id});
        for (String key : keys(term)) {
            List<Integer> positions = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (positions.isEmpty() || positions.get(positions.size() - 1) != position) {
                positions.add(position);
            }
        }
    }

    /** Calls {@code found} with (id, term) for every term at most one typo from {@code word}, in the order added. */
    void near(String word, BiConsumer<String, String> found) {
        BitSet candidates = new BitSet(terms.size());
        for (String key : keys(word)) {
            List<Integer> positions = byKey.get(key);
            if (positions != null) {
                positions.forEach(candidates::set);
            }
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            String[] term = terms.get(i);
            if (Suggestions.distance(word, term[0], 1) <= 1) {
                found.accept(term[1], term[0]);
            }
        }
    }

    /** The word itself and the word less each one of its letters. */
    private static List<String> keys(String word) {
        List<String> keys = new ArrayList<>(word.length() + 1);
        keys.add(word);
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        return keys;
    }
}
