package mesoscreen.screening;

import java.util.List;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;

/**
 * Where an intake comes from, read against the rule set in force: a JSON body is already an intake, a
 * FHIR QuestionnaireResponse needs the rule set's question ids to be read. {@link ScreeningService}
 * hands the same rule set to the source and to the screening, so a request sees exactly one.
 */
@FunctionalInterface
public interface IntakeSource {

    Read read(RuleSet rules);

    /** An intake already read. */
    static IntakeSource of(Intake intake) {
        return rules -> Read.of(intake);
    }

    /** The intake, or the violations that stop it being read (then {@code intake} is null). */
    record Read(Intake intake, List<Violation> violations) {
        public Read {
            violations = List.copyOf(violations);
        }

        public static Read of(Intake intake) {
            return new Read(intake, List.of());
        }

        public static Read rejected(List<Violation> violations) {
            return new Read(null, violations);
        }
    }
}
