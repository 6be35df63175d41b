package mesoscreen.vocabulary;

import java.util.HashMap;
import java.util.Map;

/**
 * A lexicon's terms as a trie of their words, so that the terms starting at a word of a text are found by
 * walking on from it, one hash probe per word, instead of joining each window of words into a string and
 * probing for that. Frozen like the rest of a rule set. A node where a term ends holds it and its id.
 */
final class TermTrie {
    private static final TermTrie EMPTY = new TermTrie(Map.of(), null, null);

    private final Map<String, TermTrie> next;
    /** The term ending here (its words joined by a space), or null. */
    private final String term;
    private final String id;

    private TermTrie(Map<String, TermTrie> next, String term, String id) {
        this.next = next;
        this.term = term;
        this.id = id;
    }

    /** The trie of normalised terms (words joined by one space) to their ids. */
    static TermTrie of(Map<String, String> terms) {
        Growing root = new Growing();
        terms.forEach((term, id) -> {
            Growing node = root;
            for (String word : term.split(" ", -1)) {
                node = node.next.computeIfAbsent(word, w -> new Growing());
            }
            node.term = term;
            node.id = id;
        });
        return root.freeze();
    }

    /** The node one word on, or null when no term goes on with that word. */
    TermTrie child(String word) {
        return next.get(word);
    }

    /** The words the terms go on with from this node (at the root: every term's first word). */
    java.util.Set<String> words() {
        return next.keySet();
    }

    /** Whether a term ends at this node. */
    boolean isTerm() {
        return id != null;
    }

    String term() {
        return term;
    }

    String id() {
        return id;
    }

    /** A node while the terms are added. */
    private static final class Growing {
        private final Map<String, Growing> next = new HashMap<>();
        private String term;
        private String id;

        TermTrie freeze() {
            if (next.isEmpty() && id == null) {
                return EMPTY;
            }
            Map<String, TermTrie> frozen = new HashMap<>();
            next.forEach((word, node) -> frozen.put(word, node.freeze()));
            return new TermTrie(Map.copyOf(frozen), term, id);
        }
    }
}
