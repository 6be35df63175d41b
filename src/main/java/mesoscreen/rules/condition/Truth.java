package mesoscreen.rules.condition;

/** Kleene's three-valued logic: what we do not know stays unknown, it never becomes false. */
public enum Truth {
    FALSE, UNKNOWN, TRUE;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
