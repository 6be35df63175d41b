package mesoscreen.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Sex;

/**
 * What is known about one patient, in canonical ids: the only thing rules read. Coded and free-text
 * entries are already resolved through the vocabulary; each fact keeps the evidence that produced it.
 *
 * @param procedure  the procedure asked about, or null to screen the whole family
 * @param age        age in whole years on the planned date, or null when unknown
 * @param answers    every question of the rule set, absent ones as unknown (or "no" when not asked)
 * @param conditions canonical condition id to the request entries that named it
 */
public record Facts(String procedure, Integer age, Sex sex,
                    Map<String, Stated> answers,
                    Map<String, List<String>> conditions,
                    Map<String, List<String>> medications,
                    Map<String, List<String>> allergens,
                    Set<String> areas, Set<String> concerns) {

    /** An answer and how it came to be, e.g. "answers.pregnant = no". */
    public record Stated(Answer answer, String evidence) {
    }
}
