package mesoscreen.screening;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;

/**
 * The one way an intake is screened, whatever it arrived as: take the rule set in force (the caller's
 * clinic's) once, read
 * the intake against it, validate, screen. It knows no HTTP and no wire format; each adapter maps the
 * {@link Outcome} to its own answer and its own error format.
 */
@Singleton
public class ScreeningService {
    private final RuleSetRegistry registry;
    private final Clock clock;

    ScreeningService(RuleSetRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** What came of a screening request. */
    public sealed interface Outcome {
        /** The intake could not be read or is not valid against the rule set; every violation, sorted by path. */
        record Rejected(List<Violation> violations) implements Outcome {
            public Rejected {
                violations = List.copyOf(violations);
            }
        }

        /** The screening, with the rule set that decided it ({@code screening.rules()}). */
        record Screened(Screening screening) implements Outcome {
        }
    }

    /** @param clinic whose rule set screens it; null for the base set */
    public Outcome screen(String clinic, Intake intake) {
        return screen(clinic, IntakeSource.of(intake));
    }

    /** @param clinic whose rule set screens it; null for the base set */
    public Outcome screen(String clinic, IntakeSource source) {
        RuleSet rules = registry.current(clinic);
        LocalDate today = LocalDate.now(clock);
        IntakeSource.Read read = source.read(rules);
        if (!read.violations().isEmpty()) {
            return new Outcome.Rejected(read.violations());
        }
        List<Violation> violations = registry.validator().validate(read.intake(), rules, today);
        if (!violations.isEmpty()) {
            return new Outcome.Rejected(violations);
        }
        return new Outcome.Screened(Screener.screen(read.intake(), rules, today));
    }
}
