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
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\p{N}+");

    private final Set<String> ignoredWords;

    public TextNormalizer(Set<String> ignoredWords) {
        this.ignoredWords = Set.copyOf(ignoredWords.stream().map(TextNormalizer::fold).toList());
    }

    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : SEPARATORS.split(fold(text))) {
            // "20mg" is a dose and "20" a number, but "b5" is a name: only leading digits go.
            String token = LEADING_NUMBER.matcher(word).replaceFirst("");
            if (!token.isEmpty() && !ignoredWords.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    public String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    private static String fold(String text) {
        // Lower case again after decomposing: compatibility forms with no lower case of their own
        // (mathematical letters, ℍ, ™, ᴬ) decompose to capitals.
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        return MARKS.matcher(decomposed).replaceAll("").replace('ı', 'i');
    }
}
