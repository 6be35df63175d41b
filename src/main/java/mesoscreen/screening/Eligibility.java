package mesoscreen.screening;

import mesoscreen.rules.Rule;

/** The verdict, in order from most to least permissive; the worst one found wins. */
public enum Eligibility {
    ELIGIBLE, ELIGIBLE_WITH_PRECAUTIONS, INCOMPLETE, REFER, DEFER, NOT_ELIGIBLE;

    public static Eligibility of(Rule.Severity severity) {
        return switch (severity) {
            case ABSOLUTE -> NOT_ELIGIBLE;
            case TEMPORARY -> DEFER;
            case RELATIVE -> REFER;
        };
    }

    public Eligibility worst(Eligibility other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
