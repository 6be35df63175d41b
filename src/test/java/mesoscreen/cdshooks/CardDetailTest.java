package mesoscreen.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Markdown escaping of chart text in a card, held to its definition by regular expression. */
class CardDetailTest {
    private static final String MARKUP = "\\`*_[]<>#|~!";

    /** The definition: runs of line breaks as one space, then every inline markup character as a literal. */
    private static String byDefinition(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            out.append(MARKUP.indexOf(c) >= 0 ? "\\" : "").append(c);
        }
        return out.toString();
    }

    @Test
    void escapesMarkupAndFoldsLineBreaks() {
        assertEquals("\\[click\\](http://x) \\*bold\\* a b", CardDetail.escape("[click](http://x)\r\n*bold*\n\na\rb"));
        assertEquals("", CardDetail.escape(null));
        assertEquals(" ", CardDetail.escape("\n\r\n"));
    }

    @Test
    void agreesWithTheDefinitionOnRandomText() {
        String alphabet = MARKUP + "\r\n abcйç:()-.\u2028";
        Random random = new Random(21);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(byDefinition(text.toString()), CardDetail.escape(text.toString()), text::toString);
        }
    }
}
