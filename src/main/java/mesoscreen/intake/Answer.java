package mesoscreen.intake;

import com.fasterxml.jackson.annotation.JsonValue;

/** An answer to a yes/no question. An absent answer is {@link #UNKNOWN}, never "no". */
public enum Answer {
    YES, NO, UNKNOWN;

    /** Worked out once: asked for in every answer. */
    private final String json = name().toLowerCase(java.util.Locale.ROOT);

    @JsonValue
    public String json() {
        return json;
    }
}
