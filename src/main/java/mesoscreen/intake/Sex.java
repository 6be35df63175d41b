package mesoscreen.intake;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
