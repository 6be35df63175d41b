package mesoscreen.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written tokenizer gives exactly the tokens of the regular expressions it replaced, for the
 * texts clinics send and for random text from every script, mark, digit and invisible character.
 */
class TextNormalizerTest {
    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\p{Cf}]+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\p{N}+");
    private static final Set<String> IGNORED = Set.of("mg", "tablet", "таблетка");

    /** The implementation before the hand-written one, kept here as the reference. */
    private static List<String> reference(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT);
        String folded = MARKS.matcher(decomposed).replaceAll("").replace('ı', 'i');
        List<String> tokens = new ArrayList<>();
        for (String word : SEPARATORS.split(folded)) {
            String token = LEADING_NUMBER.matcher(word).replaceFirst("");
            if (!token.isEmpty() && !IGNORED.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    @Test
    void tokensAreThoseOfTheRegularExpressions() {
        TextNormalizer normalizer = new TextNormalizer(IGNORED);
        for (String text : List.of("Xarelto® 20 mg", "Варфарин 5мг таблетка", "İzotretinoin", "ıspanak",
                "20mg b5 ½ ² Ⅻ ①", "soft\u00ADhyphen zero\u200Bwidth", "", "   ", "--", "Ａｓｐｉｒｉｎ",
                "𝐀𝐬𝐩𝐢𝐫𝐢𝐧 ℍ ™ ᴬ", "café naïve Ǆ", "١٢٣abc", "e\u0301\u0301", "x\uD83D\uDE00y")) {
            assertEquals(reference(text), normalizer.tokens(text), text);
        }
        int[][] ranges = {{0x20, 0x7e}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x370, 0x52f}, {0x600, 0x6ff},
            {0x2000, 0x206f}, {0x2150, 0x218f}, {0x2460, 0x24ff}, {0x3000, 0x30ff}, {0xff00, 0xffef},
            {0x1d400, 0x1d7ff}, {0x1f300, 0x1f64f}};
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                int[] range = ranges[random.nextInt(ranges.length)];
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            assertEquals(reference(text.toString()), normalizer.tokens(text.toString()), text.toString());
        }
    }
}
