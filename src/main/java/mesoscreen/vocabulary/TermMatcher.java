package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a lexicon's terms in the words of a text: whole terms anywhere, longest first, as written or (in
 * languages with word forms) in another form. Compiled once with the lexicon into a {@link TermTrie}, so that
 * the terms starting at a word are found by walking on from it, and into one table of the words it knows, so
 * that one look-up a word tells both where it starts terms as written and which term's word it is a form of.
 * Each word is stemmed once, and only when it is not found as written. The typo fallback, for when nothing is
 * found, is the lexicon's.
 */
final class TermMatcher {
    private final Map<String, String> terms;
    private final TermTrie trie;
    private final FormIndex forms;
    /** Every word that starts a term or is a term's word (or a shorter form of one), and what it means here. */
    private final Map<String, Known> known;
    private final int longestTerm;
    /** Whether a word read as part of a longer term is not read again on its own. */
    private final boolean longestTermWins;

    /**
     * What the lexicon knows of a word.
     *
     * @param word    the term's word it is a form of (itself for a term's own word), "" when it is a form of two
     *                (it reads as neither), null when it is no form of one (it only starts terms as written)
     * @param written the trie's node of the word as the first word of a term, null when it starts none
     * @param form    the trie's node of {@code word} as the first word of a term, null when it starts none
     */
    private record Known(String word, TermTrie written, TermTrie form) {
    }

    TermMatcher(Map<String, String> terms, FormIndex forms, int longestTerm, boolean longestTermWins) {
        this.terms = Map.copyOf(terms);
        this.trie = TermTrie.of(this.terms);
        this.forms = forms;
        this.longestTerm = longestTerm;
        this.longestTermWins = longestTermWins;
        Map<String, Known> words = new HashMap<>();
        trie.words().forEach(word -> words.put(word, new Known(null, trie.child(word), null)));
        forms.byForm().forEach((word, form) -> words.put(word,
                new Known(form, trie.child(word), form.isEmpty() ? null : trie.child(form))));
        this.known = Map.copyOf(words);
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
        boolean withForms = !forms.isEmpty();
        Known[] asWritten = new Known[count];
        // Each word's term's word (itself when none) and the node it starts terms at in that form.
        String[] words = withForms ? new String[count] : null;
        TermTrie[] formStarts = withForms ? new TermTrie[count] : null;
        // Words no form of which a term's word has: read as written only, no other form to look for.
        boolean[] formless = withForms ? new boolean[count] : null;
        for (int i = 0; i < count; i++) {
            String token = tokens.get(i);
            Known written = known.get(token);
            asWritten[i] = written;
            if (withForms) {
                Known form = written != null && written.word() != null ? written : byStems(stems, i);
                formless[i] = form == null;
                boolean itself = form == null || form.word().isEmpty();
                words[i] = itself ? token : form.word();
                formStarts[i] = itself ? (written == null ? null : written.written()) : form.form();
            }
        }
        // The terms of more than one word, as written and in another form (few, most often none), and the one-word
        // terms as written, at each start: one trie walk each from each start.
        List<Lexicon.Match> longer = new ArrayList<>(0);
        TermTrie[] single = new TermTrie[count];
        int changedBefore = count; // the first changed word at or after start, count when none
        for (int start = count - 1; start >= 0; start--) {
            if (withForms && !words[start].equals(tokens.get(start))) {
                changedBefore = start;
            }
            walk(tokens, null, asWritten[start] == null ? null : asWritten[start].written(), start, longest, single,
                    longer);
            // A form is read only where a word of it changed: none within reach, nothing to walk.
            if (withForms && changedBefore < start + longest) {
                walk(tokens, words, formStarts[start], start, longest, single, longer);
            }
        }
        longer.sort(LONGEST_FIRST);
        List<Lexicon.Match> found = new ArrayList<>();
        boolean[] read = longestTermWins ? new boolean[count] : null;
        for (Lexicon.Match match : longer) {
            take(match, read, found);
        }
        for (int start = 0; start < count; start++) {
            if (read != null && read[start]) {
                continue;
            }
            TermTrie term = single[start];
            Lexicon.Match match = term != null
                    ? new Lexicon.Match(term.id(), term.term(), start, start + 1, Lexicon.How.EXACT)
                    : withForms && !formless[start] ? inForms(stems.of(start), start) : null;
            if (match != null) {
                take(match, read, found);
            }
        }
        found.sort(BY_START);
        return found;
    }

    /** Adds the match unless a word of it was read by a longer term, and marks its words read where longest wins. */
    private static void take(Lexicon.Match match, boolean[] read, List<Lexicon.Match> found) {
        if (read != null) {
            for (int i = match.start(); i < match.end(); i++) {
                if (read[i]) {
                    return;
                }
            }
            Arrays.fill(read, match.start(), match.end(), true);
        }
        found.add(match);
    }

    /**
     * Walks the terms of the words from {@code start}, beginning at {@code node} (the first word's): as written
     * ({@code words} null), marking one-word terms in {@code single} and adding longer ones; or in their terms'
     * words, adding the terms of more than one word with at least one word changed that the walk as written from
     * the same start did not already read.
     */
    private static void walk(List<String> tokens, String[] words, TermTrie node, int start, int longest,
                             TermTrie[] single, List<Lexicon.Match> longer) {
        boolean changed = false;
        for (int size = 1; node != null; size++) {
            int at = start + size - 1;
            changed |= words != null && !words[at].equals(tokens.get(at));
            if (node.isTerm()) {
                if (words == null && size == 1) {
                    single[start] = node;
                } else if (words == null) {
                    longer.add(new Lexicon.Match(node.id(), node.term(), start, start + size, Lexicon.How.EXACT));
                } else if (changed && size > 1 && !readAsWritten(longer, start, size)) {
                    longer.add(new Lexicon.Match(node.id(), node.term(), start, start + size, Lexicon.How.FORM));
                }
            }
            if (size == longest || start + size >= tokens.size()) {
                break;
            }
            node = node.child(words == null ? tokens.get(at + 1) : words[at + 1]);
        }
    }

    /**
     * Whether the walk as written from {@code start}, just before, read a term of {@code size} words: its matches
     * are the last ones added, the only ones that start there.
     */
    private static boolean readAsWritten(List<Lexicon.Match> longer, int start, int size) {
        for (int i = longer.size() - 1; i >= 0 && longer.get(i).start() == start; i--) {
            Lexicon.Match match = longer.get(i);
            if (match.how() == Lexicon.How.EXACT && match.end() - match.start() == size) {
                return true;
            }
        }
        return false;
    }

    /** Longer terms first; at one size, the one that starts first. */
    private static final Comparator<Lexicon.Match> LONGEST_FIRST = Comparator
            .comparingInt((Lexicon.Match m) -> m.start() - m.end()).thenComparingInt(Lexicon.Match::start);

    private static final Comparator<Lexicon.Match> BY_START = Comparator.comparingInt(Lexicon.Match::start);

    /** The first of the word's shorter forms that is a term's word or a form of one, or null. */
    private Known byStems(Stems stems, int index) {
        for (String candidate : stems.of(index)) {
            Known form = known.get(candidate);
            if (form != null && form.word() != null) {
                return form;
            }
        }
        return null;
    }

    /** A word as a one-word term it is another form of: the longest such form. */
    private Lexicon.Match inForms(List<String> candidates, int at) {
        for (String candidate : candidates) {
            Known form = known.get(candidate);
            if (form != null && form.form() != null && form.form().isTerm()) {
                return new Lexicon.Match(form.form().id(), form.word(), at, at + 1, Lexicon.How.FORM);
            }
        }
        return null;
    }
}
