package mesoscreen.rules;

import java.util.List;

/** A procedure of the catalogue with what it injects and its usual course. */
public record Procedure(String id, Localized name, List<String> areas, List<String> ingredients,
                        Range sessionMinutes, Course course, String source) {

    /** A course of sessions; {@code repeatAfterMonths} is null where the sources give no repetition. */
    public record Course(Range sessions, Range intervalDays, Integer repeatAfterMonths) {
    }
}
