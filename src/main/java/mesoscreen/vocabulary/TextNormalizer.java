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
        // By hand rather than with SEPARATORS and LEADING_NUMBER: the same tokens, without a regex
        // engine for every entry of every request.
        String folded = fold(text);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); ) {
            int c = i < folded.length() ? folded.codePointAt(i) : ' ';
            boolean word = i < folded.length() && (isLetter(c) || isNumber(c));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                add(folded, start, i, tokens);
                start = -1;
            }
            i += Character.charCount(c);
        }
        return tokens;
    }

    /** A word less its leading digits ("20mg" is a dose and "20" a number, but "b5" is a name). */
    private void add(String text, int start, int end, List<String> tokens) {
        int from = start;
        while (from < end && isNumber(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        if (from < end) {
            String token = text.substring(from, end);
            if (!ignoredWords.contains(token)) {
                tokens.add(token);
            }
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
        // Lower case again after decomposing: compatibility forms with no lower case of their own
        // (mathematical letters, ℍ, ™, ᴬ) decompose to capitals.
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        return MARKS.matcher(decomposed).replaceAll("").replace('ı', 'i');
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
