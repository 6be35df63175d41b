package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds a lexicon's terms in the words of a text: whole terms anywhere, longest first, as written or (in
 * languages with word forms) in another form. Compiled once with the lexicon into a {@link TermTrie}, so that
 * the terms starting at a word are found by walking on from it, one hash probe a word, and each word is
 * stemmed once. The typo fallback, for when nothing is found, is the lexicon's.
 */
final class TermMatcher {
    private final Map<String, String> terms;
    private final TermTrie trie;
    private final FormIndex forms;
    private final int longestTerm;
    /** Whether a word read as part of a longer term is not read again on its own. */
    private final boolean longestTermWins;

    TermMatcher(Map<String, String> terms, FormIndex forms, int longestTerm, boolean longestTermWins) {
        this.terms = Map.copyOf(terms);
        this.trie = TermTrie.of(this.terms);
        this.forms = forms;
        this.longestTerm = longestTerm;
        this.longestTermWins = longestTermWins;
    }

    /** Normalised terms to their ids. */
    Map<String, String> terms() {
        return terms;
    }

    FormIndex forms() {
        return forms;
    }

    int longestTerm() {
        return longestTerm;
    }

    boolean longestTermWins() {
        return longestTermWins;
    }

    /**
     * Where the words name terms, by start and, at one start, longest first. Where {@code longestTermWins}, a
     * word a longer term has read is not read again: the longest terms are read first, across the whole text.
     * {@code stems} are the words' stems by this matcher's word forms.
     */
    List<Lexicon.Match> matches(List<String> tokens, Stems stems) {
        int count = tokens.size();
        int longest = Math.min(longestTerm, count);
        // Each word's term's word (itself when none), stemmed at most once.
        String[] words = forms.isEmpty() ? null : new String[count];
        // Words no form of which a term's word has: read as written only, no other form to look for.
        boolean[] formless = words == null ? null : new boolean[count];
        for (int i = 0; words != null && i < count; i++) {
            String word = forms.word(stems, i, tokens.get(i));
            formless[i] = word == null;
            words[i] = word == null ? tokens.get(i) : word;
        }
        // The term of each size at each start, as written and in another form: one trie walk each from each start.
        TermTrie[] asWritten = new TermTrie[count * longest];
        TermTrie[] asForm = words == null ? null : new TermTrie[count * longest];
        int changedBefore = count; // the first changed word at or after start, count when none
        for (int start = count - 1; start >= 0; start--) {
            if (words != null && !words[start].equals(tokens.get(start))) {
                changedBefore = start;
            }
            walk(tokens, null, start, longest, asWritten);
            // A form is marked only where a word of it changed: none within reach, nothing to walk.
            if (words != null && changedBefore < start + longest) {
                walk(tokens, words, start, longest, asForm);
            }
        }
        List<Lexicon.Match> found = new ArrayList<>();
        boolean[] read = new boolean[count];
        for (int size = longest; size >= 1; size--) {
            for (int start = 0; start + size <= count; start++) {
                TermTrie written = asWritten[start * longest + size - 1];
                TermTrie form = asForm == null ? null : asForm[start * longest + size - 1];
                if ((written == null && form == null && (size > 1 || words == null)) || !unread(read, start, size)) {
                    continue;
                }
                Lexicon.Match match = null;
                if (written != null) {
                    match = new Lexicon.Match(written.id(), written.term(), start, start + size, Lexicon.How.EXACT);
                } else if (size == 1) {
                    match = formless[start] ? null : inForms(stems.of(start), start);
                } else {
                    match = new Lexicon.Match(form.id(), form.term(), start, start + size, Lexicon.How.FORM);
                }
                if (match != null) {
                    found.add(match);
                    if (longestTermWins) {
                        Arrays.fill(read, start, start + size, true);
                    }
                }
            }
        }
        found.sort(BY_START);
        return found;
    }

    /**
     * Marks the terms of the words from {@code start}: as written ({@code words} null), or of more than one word
     * in their terms' words, at least one of them changed (a term as written is not read again as a form).
     */
    private void walk(List<String> tokens, String[] words, int start, int longest, TermTrie[] terms) {
        TermTrie node = trie;
        boolean changed = false;
        for (int size = 1; size <= longest && start + size <= tokens.size() && node != null; size++) {
            String token = tokens.get(start + size - 1);
            String word = words == null ? token : words[start + size - 1];
            changed |= !word.equals(token);
            node = node.child(word);
            if (node != null && node.isTerm() && (words == null || (changed && size > 1))) {
                terms[start * longest + size - 1] = node;
            }
        }
    }

    private static final Comparator<Lexicon.Match> BY_START = Comparator.comparingInt(Lexicon.Match::start);

    /** A word as a one-word term it is another form of: the longest such form. */
    private Lexicon.Match inForms(List<String> candidates, int at) {
        for (String word : forms.words(candidates)) {
            String id = terms.get(word);
            if (id != null) {
                return new Lexicon.Match(id, word, at, at + 1, Lexicon.How.FORM);
            }
        }
        return null;
    }

    private static boolean unread(boolean[] read, int start, int size) {
        for (int i = start; i < start + size; i++) {
            if (read[i]) {
                return false;
            }
        }
        return true;
    }
}
