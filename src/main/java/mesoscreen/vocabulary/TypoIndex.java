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
 * found this way are then checked to be one typo apart as {@link Suggestions#distance} measures it, exactly
 * as a scan of every term would check them, and reported in the order given, as such a scan would report them.
 */
final class TypoIndex {
    /** A one-word term, normalised, long enough to forgive a typo in. */
    record Term(String normal, String id) {
    }

    private final List<Term> terms;
    /**
     * Open addressing from a key's hash (a term's, or a term's less one letter) to the positions of the
     * terms it comes from. Hashes, not strings: a word's keys are hashed without building a string each, and
     * two keys of one hash only add a term to check with the distance, which decides.
     */
    private final java.nio.IntBuffer hashes;
    /** Per slot, the positions of its terms; empty for a free slot. Read-only buffers: a rule set is frozen. */
    private final List<java.nio.IntBuffer> positions;

    TypoIndex(List<Term> terms) {
        this.terms = List.copyOf(terms);
        Map<Integer, List<Integer>> keys = new HashMap<>();
        for (int position = 0; position < this.terms.size(); position++) {
            for (int key : keys(this.terms.get(position).normal())) {
                List<Integer> at = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (at.isEmpty() || at.get(at.size() - 1) != position) {
                    at.add(position);
                }
            }
        }
        int size = Integer.highestOneBit(Math.max(4, keys.size() * 2)) * 2;
        int[] slots = new int[size];
        int[][] at = new int[size][];
        keys.forEach((key, list) -> {
            int slot = slot(key, size);
            while (at[slot] != null) {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = key;
            at[slot] = list.stream().mapToInt(Integer::intValue).toArray();
        });
        this.hashes = java.nio.IntBuffer.wrap(slots).asReadOnlyBuffer();
        this.positions = java.util.Arrays.stream(at)
                .map(p -> java.nio.IntBuffer.wrap(p == null ? new int[0] : p).asReadOnlyBuffer()).toList();
    }

    /** Calls {@code found} with (id, term) for every term at most one typo from {@code word}, in the order given. */
    void near(String word, BiConsumer<String, String> found) {
        BitSet candidates = new BitSet(terms.size());
        int size = hashes.capacity();
        for (int key : keys(word)) {
            for (int slot = slot(key, size); positions.get(slot).capacity() > 0; slot = (slot + 1) & (size - 1)) {
                if (hashes.get(slot) == key) {
                    java.nio.IntBuffer at = positions.get(slot);
                    for (int i = 0; i < at.capacity(); i++) {
                        candidates.set(at.get(i));
                    }
                    break;
                }
            }
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Term term = terms.get(i);
            if (oneTypoApart(word, term.normal())) {
                found.accept(term.id(), term.normal());
            }
        }
    }

    /**
     * Whether {@link Suggestions#distance} would put the words at most one typo apart, in one pass: past their
     * common beginning, the rest must be equal less one letter of either, one letter changed or two swapped.
     */
    static boolean oneTypoApart(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 1) {
            return false;
        }
        int shorter = Math.min(n, m);
        int p = 0;
        while (p < shorter && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (p == shorter) {
            return true; // the same word, or one letter more at the end
        }
        if (n > m) {
            return a.regionMatches(p + 1, b, p, m - p);
        }
        if (n < m) {
            return a.regionMatches(p, b, p + 1, n - p);
        }
        return a.regionMatches(p + 1, b, p + 1, n - p - 1)
                || p + 1 < n && a.charAt(p) == b.charAt(p + 1) && a.charAt(p + 1) == b.charAt(p)
                && a.regionMatches(p + 2, b, p + 2, n - p - 2);
    }

    private static int slot(int key, int size) {
        int mixed = key * 0x9E3779B9;
        return (mixed ^ (mixed >>> 16)) & (size - 1);
    }

    /**
     * The hash of the word and of the word less each one of its letters ({@link String#hashCode}'s), in one
     * pass each way: a deletion's hash is the prefix's, shifted past the rest, plus the suffix's. The prefixes'
     * hashes wait in the array for the pass back, which puts the deletions' hashes in their place.
     */
    static int[] keys(String word) {
        int length = word.length();
        int[] keys = new int[length + 1];
        int prefix = 0;
        for (int i = 0; i < length; i++) {
            keys[i + 1] = prefix; // the hash of word[0, i)
            prefix = prefix * 31 + word.charAt(i);
        }
        int suffix = 0; // the hash of word[i + 1, length)
        int power = 1; // 31 to the power of its length
        for (int i = length - 1; i >= 0; i--) {
            keys[i + 1] = keys[i + 1] * power + suffix;
            suffix += word.charAt(i) * power;
            power *= 31;
        }
        keys[0] = suffix;
        return keys;
    }
}
