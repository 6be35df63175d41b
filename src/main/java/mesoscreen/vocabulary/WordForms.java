package mesoscreen.vocabulary;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How the inflected forms of a word are brought back to a term's word, per language and script, as
 * {@code vocabulary/word-forms.yaml} declares it: "рака" and "раком" are "рак", "диабетом" is "диабет",
 * "kanserim" and "kanseri" are "kanser". Light stemming by endings, the way Snowball's
 * stemmers work without their dictionaries: enough to match a known term in another case, never used
 * to read a word no term names. Words are folded first (no accents, Turkish ı as i), so endings are too.
 */
public final class WordForms {
    /** No language with word forms: every word is its own stem. */
    public static final WordForms NONE = new WordForms(List.of());

    /**
     * One language's endings.
     *
     * @param language  the language the rule set names (ru, tr)
     * @param script    the script its words are written in; a word is stemmed by the language of its first letter's script
     * @param endings   endings that may be taken off, folded; the longest that fits is taken first
     * @param minStem   the shortest stem left; a shorter one keeps its ending
     * @param repeat    whether endings are taken off again and again (agglutinative languages: Turkish); such a
 *                  language only adds suffixes, so a term's own word is its stem and only the text is stemmed
     * @param softening a stem's last letter and the letter of the dictionary form (Turkish ğ→k, b→p, d→t, c→ç)
     */
    public record Language(String language, Character.UnicodeScript script, List<String> endings, int minStem,
                           boolean repeat, Map<Character, Character> softening) {
        public Language {
            endings = endings.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(e -> e))
                    .distinct().toList();
            softening = Map.copyOf(softening);
        }

        /** The word less each ending that fits (again and again with {@code repeat}), hardened; longest first. */
        void candidates(String word, java.util.Collection<String> out) {
            for (String ending : endings) {
                if (word.length() - ending.length() >= minStem && word.endsWith(ending)) {
                    String stem = word.substring(0, word.length() - ending.length());
                    if (out.add(stem)) {
                        Character hard = softening.get(stem.charAt(stem.length() - 1));
                        if (hard != null) {
                            out.add(stem.substring(0, stem.length() - 1) + hard);
                        }
                        if (repeat) {
                            candidates(stem, out);
                        }
                    }
                }
            }
        }
    }

    private final List<Language> languages;

    public WordForms(List<Language> languages) {
        this.languages = List.copyOf(languages);
    }

    /** Whether the language changes a word's ending (fusional) rather than only adding suffixes ({@code repeat}). */
    public boolean replacesEndings(String language) {
        return languages.stream().anyMatch(l -> l.language().equals(language) && !l.repeat());
    }

    public boolean has(String language) {
        return languages.stream().anyMatch(l -> l.language().equals(language));
    }

    /**
     * The shorter forms a folded word may be another form of, by the language of its script, longest first;
     * none when no language has word forms for its script. "рака" gives "рак"; "uçuğum" (folded "ucugum")
     * gives "ucug", "ucuk". A term's word and a word of the text are the same word when one's forms hold
     * the other, or both hold a common stem.
     */
    public List<String> candidates(String word) {
        if (languages.isEmpty() || word.isEmpty()) {
            return List.of();
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(word.codePointAt(0));
        for (Language language : languages) {
            if (language.script() == script) {
                java.util.Set<String> out = new java.util.LinkedHashSet<>();
                language.candidates(word, out);
                List<String> sorted = new java.util.ArrayList<>(out);
                sorted.sort(Comparator.comparingInt(String::length).reversed());
                return sorted;
            }
        }
        return List.of();
    }
}
