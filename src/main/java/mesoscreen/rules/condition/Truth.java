package mesoscreen.rules.condition;

import mesoscreen.intake.Answer;

/** Kleene's three-valued logic: what we do not know stays unknown, it never becomes false. */
public enum Truth {
    FALSE, UNKNOWN, TRUE;

    /** An answer to a yes/no question: "yes" true, "no" false, "unknown" unknown. */
    public static Truth of(Answer answer) {
        return answer == Answer.UNKNOWN ? UNKNOWN : of(answer == Answer.YES);
    }

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
