package mesoscreen.http;

import java.util.List;
import mesoscreen.intake.Violation;

/** A request that is well-formed JSON but not a valid intake; answered with 400 and every violation. */
public final class IntakeRejected extends RuntimeException {
    private final transient List<Violation> violations;

    public IntakeRejected(List<Violation> violations) {
        super("intake rejected", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
