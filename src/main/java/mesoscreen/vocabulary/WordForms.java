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

        /**
         * The word less each ending that fits (again and again with {@code repeat}), each stem followed by its
         * hardened form; longest first. Which stems are reachable is worked out on lengths alone, from the
         * longest down, one walk of {@link Endings} from each; only the stems returned become strings.
         */
        List<String> candidates(String word, Endings tails) {
            int length = word.length();
            boolean[] reached = new boolean[length];
            boolean any = false;
            for (int end = length; end > minStem; end--) {
                if (end == length || (repeat && reached[end])) {
                    any |= tails.stems(word, end, minStem, reached);
                }
            }
            if (!any) {
                return List.of();
            }
            List<String> out = new java.util.ArrayList<>(4);
            for (int stem = length - 1; stem >= minStem; stem--) {
                if (reached[stem]) {
                    String prefix = word.substring(0, stem);
                    out.add(prefix);
                    Character hard = softening.get(prefix.charAt(stem - 1));
                    if (hard != null) {
                        out.add(prefix.substring(0, stem - 1) + hard);
                    }
                }
            }
            return out;
        }
    }

    /**
     * A language's endings as a trie read from a word's last letter backwards: every ending that fits, in one walk.
     * Frozen like the rest of a rule set: the letters of a node's children as a string, its children as a list.
     */
    static final class Endings {
        private final String letters;
        private final List<Endings> next;
        private final boolean ending;

        private Endings(String letters, List<Endings> next, boolean ending) {
            this.letters = letters;
            this.next = next;
            this.ending = ending;
        }

        static Endings of(List<String> endings) {
            return of(endings, 0);
        }

        /** The node for the endings that share their last {@code depth} letters (all of them at the root). */
        private static Endings of(List<String> endings, int depth) {
            java.util.TreeMap<Character, List<String>> byLetter = new java.util.TreeMap<>();
            boolean ending = false;
            for (String each : endings) {
                if (each.length() == depth) {
                    ending = true;
                } else {
                    byLetter.computeIfAbsent(each.charAt(each.length() - 1 - depth), c -> new java.util.ArrayList<>())
                            .add(each);
                }
            }
            StringBuilder letters = new StringBuilder();
            List<Endings> next = new java.util.ArrayList<>();
            byLetter.forEach((letter, longer) -> {
                letters.append(letter);
                next.add(of(longer, depth + 1));
            });
            return new Endings(letters.toString(), List.copyOf(next), ending);
        }

        private Endings child(char letter) {
            int at = letters.indexOf(letter);
            return at < 0 ? null : next.get(at);
        }

        /** Marks the length of each stem of at least {@code minStem} letters that {@code word[0, end)} less an ending leaves. */
        boolean stems(String word, int end, int minStem, boolean[] reached) {
            boolean any = false;
            Endings node = this;
            for (int i = end - 1; i >= minStem; i--) {
                node = node.child(word.charAt(i));
                if (node == null) {
                    break;
                }
                if (node.ending) {
                    reached[i] = any = true;
                }
            }
            return any;
        }
    }

    private final List<Language> languages;
    private final List<Endings> endings;

    public WordForms(List<Language> languages) {
        this.languages = List.copyOf(languages);
        this.endings = this.languages.stream().map(l -> Endings.of(l.endings())).toList();
    }

    /** Whether the language changes a word's ending (fusional) rather than only adding suffixes ({@code repeat}). */
    public boolean replacesEndings(String language) {
        return languages.stream().anyMatch(l -> l.language().equals(language) && !l.repeat());
    }

    List<Language> languages() {
        return languages;
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
        int first = word.codePointAt(0);
        // A look-up in Unicode's table of scripts for every word of every entry: not for the ASCII letters.
        Character.UnicodeScript script = first < 0x80 && Character.isLetter(first) ? Character.UnicodeScript.LATIN
                : Character.UnicodeScript.of(first);
        for (int i = 0; i < languages.size(); i++) {
            if (languages.get(i).script() == script) {
                return languages.get(i).candidates(word, endings.get(i));
            }
        }
        return List.of();
    }
}
