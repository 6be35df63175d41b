package mesoscreen.intake;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    /** Worked out once: asked for in every answer. */
    private final String json = name().toLowerCase(java.util.Locale.ROOT);

    @JsonValue
    public String json() {
        return json;
    }
}
