package mesoscreen.rules;

import java.util.Set;
import mesoscreen.intake.Sex;

/**
 * A question of the intake. {@code appliesTo} is who is asked; for anyone else an absent answer
 * means "no" (a man is not asked whether he is pregnant).
 */
public record Question(String id, String group, Set<Sex> appliesTo, Localized label, Localized help) {

    public boolean appliesTo(Sex sex) {
        return appliesTo.contains(sex == null ? Sex.UNKNOWN : sex);
    }
}
