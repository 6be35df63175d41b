package mesoscreen.course;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.Range;

/**
 * A suggested course: a programme of a procedure and, when a start date is known, the dates of its
 * shortest form (the fewest sessions at the shortest interval).
 */
public record Course(Procedure procedure, Procedure.Programme programme, LocalDate start, List<LocalDate> schedule) {

    public static Course of(Procedure procedure, Procedure.Programme programme, LocalDate start) {
        List<LocalDate> schedule = new ArrayList<>();
        if (start != null) {
            for (int i = 0; i < programme.sessions().min(); i++) {
                schedule.add(start.plusDays((long) i * programme.intervalDays().min()));
            }
        }
        return new Course(procedure, programme, start, List.copyOf(schedule));
    }

    /** Weeks from the first to the last session: fewest sessions at the shortest interval, most at the longest. */
    public Range totalWeeks() {
        Range sessions = programme.sessions();
        Range interval = programme.intervalDays();
        return new Range(ceilWeeks((sessions.min() - 1) * interval.min()), ceilWeeks((sessions.max() - 1) * interval.max()));
    }

    private static int ceilWeeks(int days) {
        return (days + 6) / 7;
    }
}
