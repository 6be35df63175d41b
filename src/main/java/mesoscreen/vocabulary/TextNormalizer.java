package mesoscreen.vocabulary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings free text and vocabulary terms to one comparable form: lower case, no accents or
 * invisible characters, Turkish dotless i folded, leading numbers, punctuation and the rule set's ignored
 * words (doses, forms: "20 mg", "tablet") dropped. "Xarelto® 20 mg" and "xarelto" compare equal.
 */
public final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\p{Cf}]+");

    private final Set<String> ignoredWords;

    public TextNormalizer(Set<String> ignoredWords) {
        this.ignoredWords = Set.copyOf(ignoredWords.stream().map(TextNormalizer::fold).toList());
    }

    public List<String> tokens(String text) {
        return words(text).tokens();
    }

    /**
     * The words of a text, and where a clause ends between two of them: at a full stop, comma, semicolon,
     * question or exclamation mark, bracket, dash standing alone or line break (not at a decimal point).
     */
    public Words words(String text) {
        // By hand rather than with SEPARATORS and LEADING_NUMBER: the same tokens, without a regex
        // engine for every entry of every request.
        String folded = fold(text);
        List<String> tokens = new ArrayList<>();
        java.util.BitSet breaks = new java.util.BitSet();
        List<Year> years = null;
        boolean pendingBreak = false;
        int start = -1;
        for (int i = 0; i <= folded.length(); ) {
            int c = i < folded.length() ? folded.codePointAt(i) : ' ';
            boolean word = i < folded.length() && (c < WORD.length ? WORD[c] : isLetter(c) || isNumber(c));
            if (word && start < 0) {
                start = i;
                if (pendingBreak && !tokens.isEmpty()) {
                    breaks.set(tokens.size());
                }
                pendingBreak = false;
            } else if (!word && start >= 0) {
                years = year(folded, start, i, tokens.size(), years);
                add(folded, start, i, tokens);
                start = -1;
            }
            if (!word && i < folded.length() && ends(folded, i, c)) {
                pendingBreak = true;
            }
            i += Character.charCount(c);
        }
        // Wrapped, not copied: nothing else holds them.
        return new Words(java.util.Collections.unmodifiableList(tokens), breaks,
                years == null ? List.of() : java.util.Collections.unmodifiableList(years));
    }

    /**
     * A number of four digits from 1900 to 2099 standing alone, which the words drop, is kept as a year: the years
     * with it added (a list made for the first), or as they were.
     */
    private static List<Year> year(String text, int start, int end, int before, List<Year> years) {
        if (end - start != 4 || !(text.startsWith("19", start) || text.startsWith("20", start))) {
            return years;
        }
        for (int i = start + 2; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return years;
            }
        }
        List<Year> out = years == null ? new ArrayList<>(1) : years;
        out.add(new Year(before, Integer.parseInt(text, start, end, 10)));
        return out;
    }

    /** A year a text names, standing before word {@code before} (the number of words when it ends the text). */
    public record Year(int before, int value) {
    }

    /** Whether the character at {@code i} ends a clause. */
    private static boolean ends(String text, int i, int c) {
        if (c == '.' || c == ',') {
            // Not a decimal point or a thousands separator.
            return i == 0 || i + 1 >= text.length() || !Character.isDigit(text.charAt(i - 1))
                    || !Character.isDigit(text.charAt(i + 1));
        }
        return CLAUSE_ENDS.indexOf(c) >= 0;
    }

    private static final String CLAUSE_ENDS = ";!?()[]{}\n\r\u2014\u2013\u2026\u061f\u3002";

    /**
     * The words of a text and the clause breaks among them.
     *
     * @param breaks bit {@code i} set when a clause ends between word {@code i - 1} and word {@code i}
     * @param years  the years among them, which are not words
     */
    public record Words(List<String> tokens, java.util.BitSet breaks, List<Year> years) {
        public boolean breakBefore(int index) {
            return breaks.get(index);
        }
    }

    /** A word less its leading digits ("20mg" is a dose and "20" a number, but "b5" is a name). */
    private void add(String text, int start, int end, List<String> tokens) {
        int from = start;
        while (from < end && (text.charAt(from) < NUMBER.length ? NUMBER[text.charAt(from)] : isNumber(text.codePointAt(from)))) {
            from += Character.charCount(text.codePointAt(from));
        }
        if (from < end) {
            String token = text.substring(from, end);
            if (!ignoredWords.contains(token)) {
                tokens.add(token);
            }
        }
    }

    /**
     * Whether each character up to the end of the Cyrillic block is a letter or a number, and whether a number, as
     * {@link #isLetter} and {@link #isNumber} say: most text is Latin or Cyrillic, and a table is cheaper than
     * Unicode's.
     */
    private static final boolean[] WORD = new boolean[0x500];
    private static final boolean[] NUMBER = new boolean[WORD.length];

    static {
        for (int c = 0; c < WORD.length; c++) {
            NUMBER[c] = isNumber(c);
            WORD[c] = isLetter(c) || NUMBER[c];
        }
    }

    /** \p{L}, as java.util.regex reads it. */
    private static boolean isLetter(int c) {
        int type = Character.getType(c);
        return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
                || type == Character.TITLECASE_LETTER || type == Character.MODIFIER_LETTER
                || type == Character.OTHER_LETTER;
    }

    /** \p{N}, as java.util.regex reads it. */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    public String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    private static String fold(String text) {
        if (isPlainAscii(text)) {
            return text.toLowerCase(Locale.ROOT); // nothing to decompose, no marks, no dotless i
        }
        // Latin, Greek and Cyrillic letter by letter from a table: the same as folding the whole text, as
        // lower-casing (bar the final sigma) and decomposing go letter by letter and the marks that
        // decomposing might reorder are all dropped. Any other letter folds the whole text the long way.
        char[] out = new char[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FOLDED.length || c == 'Σ') {
                return foldAll(text);
            }
            char one = FOLDED_CHAR[c];
            if (one == DROPPED) {
                continue;
            }
            if (one == SEVERAL) {
                return foldByStrings(text); // a letter folding to two ("ǆ"): rare, the text is built of strings
            }
            out[length++] = one;
        }
        return new String(out, 0, length);
    }

    private static String foldByStrings(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FOLDED.length || c == 'Σ') {
                return foldAll(text);
            }
            out.append(FOLDED[c]);
        }
        return out.toString();
    }

    private static String foldAll(String text) {
        // Lower case again after decomposing: compatibility forms with no lower case of their own
        // (mathematical letters, ℍ, ™, ᴬ) decompose to capitals.
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        return MARKS.matcher(decomposed).replaceAll("").replace('ı', 'i');
    }

    /** Each character up to the end of the Cyrillic block, folded on its own. */
    private static final String[] FOLDED = new String[0x500];

    /** The same, as one character: {@link #DROPPED} when it folds to none, {@link #SEVERAL} to more than one. */
    private static final char[] FOLDED_CHAR = new char[FOLDED.length];
    private static final char DROPPED = '\uFFFF';
    private static final char SEVERAL = '\uFFFE';

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = foldAll(String.valueOf(c));
            FOLDED_CHAR[c] = FOLDED[c].isEmpty() ? DROPPED : FOLDED[c].length() == 1 ? FOLDED[c].charAt(0) : SEVERAL;
        }
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
