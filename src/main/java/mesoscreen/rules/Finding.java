package mesoscreen.rules;

import java.util.List;
import mesoscreen.rules.condition.Truth;

/**
 * A rule that fired (TRUE) or could not be decided (UNKNOWN) for one patient; {@code until} is when
 * a fired deferral ends, if it is known.
 */
public record Finding(Rule rule, Truth truth, List<String> evidence, List<String> missing, java.time.LocalDate until) {
    /** The finding less its evidence. */
    public Ruling ruling() {
        return new Ruling(rule, truth);
    }
}
