package mesoscreen.rules;

import java.util.Set;
import mesoscreen.text.Localized;

/** A preparation or aftercare instruction; {@code procedures} empty means every procedure. */
public record CareStep(String id, Set<String> procedures, Localized text, String source) {

    public boolean appliesTo(String procedure) {
        return procedures.isEmpty() || procedures.contains(procedure);
    }
}
