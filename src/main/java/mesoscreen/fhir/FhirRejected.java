package mesoscreen.fhir;

import java.util.List;
import mesoscreen.intake.Violation;

/** A FHIR request refused; answered with an OperationOutcome listing every violation. */
public final class FhirRejected extends RuntimeException {
    private final int status;
    private final transient List<Violation> violations;

    public FhirRejected(int status, List<Violation> violations) {
        super("FHIR request rejected", null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
