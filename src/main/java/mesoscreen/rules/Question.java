package mesoscreen.rules;

import java.util.Set;
import mesoscreen.intake.Sex;
import mesoscreen.text.Localized;

/**
 * A question of the intake. {@code appliesTo} is who is asked; for anyone else an absent answer
 * means "no" (a man is not asked whether he is pregnant). {@code loinc} is the LOINC code of the
 * question where one exists; {@code followUp}, if any, is asked after a "yes".
 */
public record Question(String id, String group, Set<Sex> appliesTo, Localized label, Localized help,
                       String loinc, FollowUp followUp) {

    public boolean appliesTo(Sex sex) {
        return appliesTo.contains(sex == null ? Sex.UNKNOWN : sex);
    }

    /** What a "yes" leads to. */
    public sealed interface FollowUp {
        /** The date a medication was stopped (empty while it is taken), sent as a medications entry. */
        record StopDate(String id, Localized label, Localized help, String medication) implements FollowUp {
        }

        /** An intake field that only matters after a "yes", such as the list of recent procedures. */
        record Field(String field) implements FollowUp {
        }
    }
}
