package mesoscreen.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.rules.Facts;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Condition;
import mesoscreen.rules.condition.Truth;

/**
 * The questions an intake's lists already answer "yes", as the rules read them: where a rule takes a question
 * and a list as alternatives ({@code any(answer bleedingDisorder, condition bleeding-disorder)}) and the list
 * holds, or where a question stands in for a list ({@code medication isotretinoin (else answer isotretinoin)})
 * and the list holds. Only ever "yes": a list that says nothing of a question leaves it unanswered, since a
 * record is never complete enough for a "no". A form prefilled from a record shows these answers.
 */
public final class ListedAnswers {
    private ListedAnswers() {
    }

    /** @param procedure the procedure asked about, or null for any procedure of the catalogue */
    public static Map<String, Answer> of(Intake intake, RuleSet rules, String procedure, LocalDate today) {
        Facts facts = FactsBuilder.build(intake, rules, today).facts();
        Set<String> told = new TreeSet<>();
        List<String> procedures = procedure != null ? List.of(procedure) : new ArrayList<>(rules.procedures().keySet());
        for (String id : procedures) {
            Facts forProcedure = facts.forProcedure(id);
            for (Rule rule : rules.rules()) {
                if (rule.appliesTo(id)) {
                    walk(rule.when(), forProcedure, rules.questions().keySet(), told);
                }
            }
        }
        Map<String, Answer> out = new LinkedHashMap<>();
        // In questionnaire order.
        rules.questions().keySet().stream().filter(told::contains).forEach(q -> out.put(q, Answer.YES));
        return out;
    }

    private static void walk(Condition condition, Facts facts, Set<String> questions, Set<String> told) {
        if (condition instanceof Condition.Any any) {
            List<String> asked = any.children().stream().filter(Condition.AnswerYes.class::isInstance)
                    .map(c -> ((Condition.AnswerYes) c).question()).toList();
            if (!asked.isEmpty() && any.children().stream().anyMatch(c -> !(c instanceof Condition.AnswerYes)
                    && !readsQuestion(c, questions) && c.test(facts).truth() == Truth.TRUE)) {
                told.addAll(asked);
            }
            any.children().forEach(c -> walk(c, facts, questions, told));
        } else if (condition instanceof Condition.All all) {
            all.children().forEach(c -> walk(c, facts, questions, told));
        } else if (condition instanceof Condition.Not not) {
            walk(not.child(), facts, questions, told);
        } else if (condition instanceof Condition.TakesMedication takes && takes.askedBy() != null
                && !facts.medications().getOrDefault(takes.medicationClass(), List.of()).isEmpty()
                && takes.test(facts).truth() == Truth.TRUE) {
            told.add(takes.askedBy());
        }
    }

    /** Whether a condition reads an answer, in which case it is no list standing beside one. */
    private static boolean readsQuestion(Condition condition, Set<String> questions) {
        Set<String> read = new java.util.HashSet<>();
        condition.reads(read);
        return read.stream().anyMatch(questions::contains);
    }
}
