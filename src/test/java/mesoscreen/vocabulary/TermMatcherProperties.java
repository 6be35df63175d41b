package mesoscreen.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.Intakes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The trie matcher reads exactly what the matcher it replaced read, which joined every window of words into a
 * string and looked it up ({@link #byWindows}, kept here as the reference): on every term of the loaded
 * lexicons (the cue lexicon too) alone and in other forms, and on random sequences of their words, inflected or
 * not, mixed with other words. Longest term first, nested terms, word forms, and the order of the matches.
 */
class TermMatcherProperties {
    private static final Map<String, Lexicon> LEXICONS = Map.of(
            "conditions", Intakes.RULES.vocabulary().conditions(),
            "medications", Intakes.RULES.vocabulary().medications(),
            "allergens", Intakes.RULES.vocabulary().allergens(),
            "cues", Intakes.RULES.vocabulary().asserter().cues());
    /** Endings of the languages with word forms, folded, and a few words no term has. */
    private static final List<String> ENDINGS = List.of("а", "ы", "ом", "ами", "ой", "е", "ов", "i", "im", "in", "lar",
            "lari", "de", "dan", "imi", "s", "ing");
    private static final List<String> OTHER = List.of("on", "my", "and", "the", "не", "и", "ve", "bir", "tablets");

    @Test
    void everyTermAloneAndInOtherFormsIsReadAsBefore() {
        int checked = 0;
        for (Lexicon lexicon : LEXICONS.values()) {
            TermMatcher matcher = lexicon.matcher();
            for (String term : matcher.terms().keySet()) {
                List<String> words = List.of(term.split(" "));
                check(matcher, words);
                for (String ending : ENDINGS) {
                    for (int i = 0; i < words.size(); i++) {
                        List<String> inflected = new ArrayList<>(words);
                        inflected.set(i, words.get(i) + ending);
                        check(matcher, inflected);
                        checked++;
                    }
                }
            }
        }
        System.out.println("TermMatcherProperties: " + checked + " inflected terms");
    }

    @Property(tries = 3000)
    void randomWordsAreReadAsBefore(@ForAll("lexicon") String name, @ForAll("words") List<String> words) {
        check(LEXICONS.get(name).matcher(), words);
    }

    @Provide
    Arbitrary<String> lexicon() {
        return Arbitraries.of(LEXICONS.keySet());
    }

    @Provide
    Arbitrary<List<String>> words() {
        Set<String> pool = new LinkedHashSet<>(OTHER);
        for (Lexicon lexicon : LEXICONS.values()) {
            lexicon.matcher().terms().keySet().forEach(term -> pool.addAll(List.of(term.split(" "))));
        }
        pool.remove("");
        Arbitrary<String> word = Arbitraries.of(List.copyOf(pool));
        Arbitrary<String> inflected = word.flatMap(w -> Arbitraries.of(ENDINGS).map(e -> w + e));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, word), net.jqwik.api.Tuple.of(1, inflected))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    private static void check(TermMatcher matcher, List<String> words) {
        assertEquals(byWindows(matcher, words), matcher.matches(words, new Stems(matcher.forms().wordForms(), words)),
                String.join(" ", words));
    }

    /** The matcher as it was: each window of up to the longest term's words, joined and looked up, longest first. */
    static List<Lexicon.Match> byWindows(TermMatcher matcher, List<String> tokens) {
        Map<String, String> terms = matcher.terms();
        FormIndex forms = matcher.forms();
        Map<String, Integer> firstWords = new HashMap<>();
        for (String term : terms.keySet()) {
            if (term.contains(" ")) {
                firstWords.merge(term.substring(0, term.indexOf(' ')), term.split(" ").length, Math::max);
            }
        }
        int longestTerm = matcher.longestTerm();
        List<Lexicon.Match> found = new ArrayList<>();
        boolean[] read = new boolean[tokens.size()];
        String[] words = forms.isEmpty() ? null : new String[tokens.size()];
        int[] asWritten = new int[tokens.size()];
        int[] asForm = new int[tokens.size()];
        for (int start = 0; start < tokens.size() && longestTerm > 1 && tokens.size() > 1; start++) {
            asWritten[start] = firstWords.getOrDefault(tokens.get(start), 1);
            asForm[start] = words == null ? 1 : firstWords.getOrDefault(form(forms, words, tokens, start), 1);
        }
        for (int size = Math.min(longestTerm, tokens.size()); size >= 1; size--) {
            for (int start = 0; start + size <= tokens.size(); start++) {
                boolean unread = true;
                for (int i = start; i < start + size; i++) {
                    unread &= !read[i];
                }
                if ((size > 1 && size > asWritten[start] && size > asForm[start]) || !unread) {
                    continue;
                }
                Lexicon.Match match = null;
                if (size == 1 || size <= asWritten[start]) {
                    String phrase = size == 1 ? tokens.get(start) : String.join(" ", tokens.subList(start, start + size));
                    String id = terms.get(phrase);
                    match = id == null ? null : new Lexicon.Match(id, phrase, start, start + size, Lexicon.How.EXACT);
                }
                if (match == null && words != null && size == 1) {
                    for (String word : forms.words(forms.wordForms().candidates(tokens.get(start)))) {
                        String id = terms.get(word);
                        if (id != null) {
                            match = new Lexicon.Match(id, word, start, start + 1, Lexicon.How.FORM);
                            break;
                        }
                    }
                } else if (match == null && words != null && size <= asForm[start]) {
                    boolean changed = false;
                    StringBuilder phrase = new StringBuilder();
                    for (int i = start; i < start + size; i++) {
                        String word = form(forms, words, tokens, i);
                        changed |= !word.equals(tokens.get(i));
                        phrase.append(i > start ? " " : "").append(word);
                    }
                    String id = changed ? terms.get(phrase.toString()) : null;
                    match = id == null ? null
                            : new Lexicon.Match(id, phrase.toString(), start, start + size, Lexicon.How.FORM);
                }
                if (match != null) {
                    found.add(match);
                    if (matcher.longestTermWins()) {
                        Arrays.fill(read, start, start + size, true);
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(Lexicon.Match::start));
        return found;
    }

    private static String form(FormIndex forms, String[] words, List<String> tokens, int index) {
        if (words[index] == null) {
            String word = forms.word(new Stems(forms.wordForms(), tokens), index, tokens.get(index));
            words[index] = word == null ? tokens.get(index) : word; // null: no other form, read as written
        }
        return words[index];
    }
}
