package mesoscreen.intake;

import com.fasterxml.jackson.annotation.JsonValue;

/** An answer to a yes/no question. An absent answer is {@link #UNKNOWN}, never "no". */
public enum Answer {
    YES, NO, UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
