package mesoscreen.screening;

import java.time.LocalDate;
import mesoscreen.intake.Intake;
import mesoscreen.rules.Facts;
import mesoscreen.rules.RuleSet;

/** The facts an intake is screened on, for properties of the rules' conditions in other packages. */
public final class FactsSeam {
    private FactsSeam() {
    }

    public static Facts facts(Intake intake, RuleSet rules, LocalDate today) {
        return FactsBuilder.build(intake, rules, today).facts();
    }
}
