package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of a lexicon's terms in languages with word forms, and the shorter forms each may take, so that a
 * word of a text is found as the term's word it is another form of ("рака": "рак", "kanserim": "kanser").
 * Built once with the lexicon; a look-up is a hash probe per candidate form of the word.
 */
final class FormIndex {
    private final WordForms wordForms;
    /** A term's word, or a shorter form of one, to that word; "" when two words share the form (it reads as neither). */
    private final Map<String, String> words;

    private FormIndex(WordForms wordForms, Map<String, String> words) {
        this.wordForms = wordForms;
        this.words = Map.copyOf(words);
    }

    WordForms wordForms() {
        return wordForms;
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Each term's word, and each shorter form of one, to that word ("" for a form two words share). */
    Map<String, String> byForm() {
        return words;
    }

    /**
     * The term's word word {@code index} of the stemmed words is a form of (the longest such form), or itself; null
     * when neither it nor any shorter form of it is a term's word or a form of one, so that it reads as nothing else.
     * The matcher reads the same from its table of known words; this reading, word by word, is what the tests
     * check it against.
     */
    String word(Stems stems, int index, String token) {
        String word = words.get(token);
        if (word == null) {
            for (String candidate : stems.of(index)) {
                word = words.get(candidate);
                if (word != null) {
                    break;
                }
            }
            if (word == null) {
                return null;
            }
        }
        return word.isEmpty() ? token : word;
    }

    /** Every term's word a word of these shorter forms may be a form of, longest form first (for the same tests). */
    List<String> words(List<String> candidates) {
        List<String> out = new ArrayList<>(2);
        for (String candidate : candidates) {
            String word = words.get(candidate);
            if (word != null && !word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    static final class Builder {
        private final Map<String, String> shorter = new HashMap<>();
        private final Set<String> own = new HashSet<>();
        private WordForms wordForms = WordForms.NONE;

        void wordForms(WordForms forms) {
            this.wordForms = forms;
        }

        /** The words of a normalised term of {@code language}, when that language has word forms. */
        void add(String normal, String language) {
            if (language == null || !wordForms.has(language) || normal.isEmpty()) {
                return;
            }
            for (String word : normal.split(" ")) {
                own.add(word);
                // A language that changes a word's ending (Russian) is matched on the forms both share; one that
                // only adds suffixes (Turkish) on the term's word itself, so that no short stem of it meets a
                // word of another language ("have" is no "havale").
                if (wordForms.replacesEndings(language)) {
                    for (String candidate : wordForms.candidates(word)) {
                        shorter.merge(candidate, word, (a, b) -> a.equals(b) ? a : "");
                    }
                }
            }
        }

        FormIndex build() {
            Map<String, String> all = new HashMap<>(shorter);
            own.forEach(word -> all.put(word, word));
            return new FormIndex(wordForms, all);
        }
    }
}
