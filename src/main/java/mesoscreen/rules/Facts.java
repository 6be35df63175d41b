package mesoscreen.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Sex;

/**
 * What is known about one patient, in canonical ids: the only thing rules read. Coded and free-text
 * entries are already resolved through the vocabulary; each fact keeps the evidence that produced it.
 *
 * @param procedure        the procedure being screened
 * @param plannedDate      the date of the first session (today when the intake gives none)
 * @param age              age in whole years on the planned date, or null when unknown
 * @param birthDate        the birth date when the intake gave one (an age bound can then say when it ends)
 * @param answers          every question of the rule set, absent ones as unknown (or "no" when not asked)
 * @param conditions       canonical condition id to the request entries that named it
 * @param medications      medication class to the entries of that class
 * @param recentProcedures other aesthetic procedures, with their dates
 */
public record Facts(String procedure, LocalDate plannedDate, Integer age, LocalDate birthDate, Sex sex,
                    Map<String, Stated> answers,
                    Map<String, List<String>> conditions,
                    Map<String, List<Medication>> medications,
                    Map<String, List<String>> allergens,
                    List<RecentProcedure> recentProcedures,
                    Set<String> areas, Set<String> concerns) {

    /** The same patient, screened for another procedure. */
    public Facts forProcedure(String other) {
        return new Facts(other, plannedDate, age, birthDate, sex, answers, conditions, medications, allergens,
                recentProcedures, areas, concerns);
    }

    /** An answer and how it came to be, e.g. "answers.pregnant = no". */
    public record Stated(Answer answer, String evidence) {
    }

    /** A medication entry of some class; {@code stoppedOn} null means it is taken now. */
    public record Medication(String evidence, LocalDate stoppedOn) {
    }

    /** Another aesthetic procedure, by type id and date. */
    public record RecentProcedure(String type, LocalDate date, String evidence) {
    }
}
