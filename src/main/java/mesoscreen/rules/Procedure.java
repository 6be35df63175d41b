package mesoscreen.rules;

import java.util.List;
import mesoscreen.text.Localized;

/**
 * A procedure of the catalogue: where it is done, what it injects or delivers, and its programmes.
 * Where the sources disagree on a course, each course is kept as a named programme.
 */
public record Procedure(String id, Localized name, Localized description, List<String> areas,
                        List<String> ingredients, Range sessionMinutes, List<Programme> programmes,
                        List<Stage> stages, String source) {

    public Programme programme(String programmeId) {
        return programmes.stream().filter(p -> p.id().equals(programmeId)).findFirst().orElse(null);
    }

    /**
     * A course of sessions. {@code maintenanceWeeks} is the interval of continued sessions after
     * it, {@code repeatAfterMonths} when the whole course is repeated; either may be null.
     */
    public record Programme(String id, Localized name, Range sessions, Range intervalDays, Range maintenanceWeeks,
                            Integer repeatAfterMonths, String source) {
    }

    /** A step of a procedure done in stages (mesolifting). */
    public record Stage(String id, Localized name, Localized description) {
    }
}
