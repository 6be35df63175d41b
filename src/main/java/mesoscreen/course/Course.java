package mesoscreen.course;

import mesoscreen.rules.Procedure;
import mesoscreen.rules.Range;

/** A suggested course of a procedure, taken from the catalogue. */
public record Course(Procedure procedure, Range sessions, Range intervalDays, Range sessionMinutes,
                     Integer repeatAfterMonths) {

    /** The catalogue's course of {@code procedure}. */
    public static Course of(Procedure procedure) {
        Procedure.Course course = procedure.course();
        return new Course(procedure, course.sessions(), course.intervalDays(), procedure.sessionMinutes(),
                course.repeatAfterMonths());
    }
}
