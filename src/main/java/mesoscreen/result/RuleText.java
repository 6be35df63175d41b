package mesoscreen.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a text that comes from the rule files (a rule's title, message and source, a question's label, a
 * procedure's name, a care step) from its JSON encoding, worked out once: most of an answer's bytes are
 * these texts, and escaping and encoding them again for every answer (Cyrillic and Turkish letters above
 * all) was a large part of writing it. Only for fields that never carry what a patient sent, so nothing a
 * patient wrote is kept; at most {@link #MAX_TEXTS} texts are kept (a rule set has about a thousand in all
 * its languages), beyond which a text is written as any other string.
 */
public final class RuleText extends StdSerializer<String> {
    static final int MAX_TEXTS = 20_000;
    private static final Map<String, SerializedString> ENCODED = new ConcurrentHashMap<>();

    public RuleText() {
        super(String.class);
    }

    @Override
    public void serialize(String text, JsonGenerator out, SerializerProvider provider) throws IOException {
        SerializedString encoded = ENCODED.get(text);
        if (encoded == null) {
            if (ENCODED.size() >= MAX_TEXTS) {
                out.writeString(text);
                return;
            }
            encoded = new SerializedString(text);
            encoded.asQuotedUTF8(); // encoded before it is shared
            ENCODED.putIfAbsent(text, encoded);
        }
        out.writeString(encoded);
    }
}
