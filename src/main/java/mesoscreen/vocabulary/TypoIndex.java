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
 * would check them, and reported in the order given, as such a scan would report them.
 */
final class TypoIndex {
    /** A one-word term, normalised, long enough to forgive a typo in. */
    record Term(String normal, String id) {
    }

    private final List<Term> terms;
    /** A term, or a term less one letter, to the positions of the terms it comes from. */
    private final Map<String, List<Integer>> byKey;

    TypoIndex(List<Term> terms) {
        this.terms = List.copyOf(terms);
        Map<String, List<Integer>> keys = new HashMap<>();
        for (int position = 0; position < this.terms.size(); position++) {
            for (String key : keys(this.terms.get(position).normal())) {
                List<Integer> positions = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (positions.isEmpty() || positions.get(positions.size() - 1) != position) {
                    positions.add(position);
                }
            }
        }
        keys.replaceAll((key, positions) -> List.copyOf(positions));
        this.byKey = Map.copyOf(keys);
    }

    /** Calls {@code found} with (id, term) for every term at most one typo from {@code word}, in the order given. */
    void near(String word, BiConsumer<String, String> found) {
        BitSet candidates = new BitSet(terms.size());
        for (String key : keys(word)) {
            List<Integer> positions = byKey.get(key);
            if (positions != null) {
                positions.forEach(candidates::set);
            }
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Term term = terms.get(i);
            if (Suggestions.distance(word, term.normal(), 1) <= 1) {
                found.accept(term.id(), term.normal());
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
