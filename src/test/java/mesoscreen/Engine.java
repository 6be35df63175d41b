package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.List;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.Screener;
import mesoscreen.screening.Screening;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The screening engine in-process, as a request meets it: the bundled rules, the intake validator (Hibernate
 * Validator without Quarkus), {@link Screener#screen}. For FailClosedProperties and IntakeFuzzTest.
 */
final class Engine {
    private static final IntakeValidator VALIDATOR = new IntakeValidator(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    /** "Today" for the engine: the generated intakes' planned date, so that nothing depends on the clock. */
    static final LocalDate TODAY = IntakeArbitraries.PLANNED;

    private Engine() {
    }

    static List<Violation> violations(Intake intake) {
        return VALIDATOR.validate(intake, Intakes.RULES, TODAY);
    }

    /** Screens an intake that must be valid (a violation is a bug of whoever made it). */
    static Screening screen(Intake intake) {
        assertEquals(List.of(), violations(intake), () -> "not a valid intake: " + intake);
        return Screener.screen(intake, Intakes.RULES, TODAY);
    }
}
