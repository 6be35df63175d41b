package mesoscreen.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.course.Course;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Truth;
import mesoscreen.intake.Intake;

/**
 * Screens one validated intake against one rule set: facts, rule evaluation, verdict, course.
 * Pure and stateless; the same intake and rule set always give the same screening.
 */
public final class Screener {
    private Screener() {
    }

    public static Screening screen(Intake intake, RuleSet rules, LocalDate today) {
        FactsBuilder.Built built = FactsBuilder.build(intake, rules, today);
        List<Finding> findings = rules.evaluate(built.facts());

        Eligibility eligibility = Eligibility.ELIGIBLE;
        List<Finding> contraindications = new ArrayList<>();
        List<Finding> precautions = new ArrayList<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Rule rule = finding.rule();
            boolean contraindication = rule.kind() == Rule.Kind.CONTRAINDICATION;
            if (finding.truth() == Truth.UNKNOWN) {
                finding.missing().forEach(fact -> missing.computeIfAbsent(fact, k -> new ArrayList<>()).add(rule.id()));
            }
            if (contraindication && finding.truth() == Truth.TRUE) {
                contraindications.add(finding);
                eligibility = eligibility.worst(Eligibility.of(rule.severity()));
            } else if (contraindication) {
                eligibility = eligibility.worst(Eligibility.INCOMPLETE);
            } else {
                // A precaution we cannot rule out is given all the same: it only adds care.
                precautions.add(finding);
                eligibility = eligibility.worst(Eligibility.ELIGIBLE_WITH_PRECAUTIONS);
            }
        }
        if (!built.unrecognized().isEmpty()) {
            eligibility = eligibility.worst(Eligibility.ELIGIBLE_WITH_PRECAUTIONS);
        }
        contraindications.sort(Comparator.comparing((Finding f) -> Eligibility.of(f.rule().severity())).reversed());
        Course course = intake.procedure() == null || eligibility == Eligibility.NOT_ELIGIBLE
                ? null : Course.of(rules.procedures().get(intake.procedure()));
        return new Screening(rules, eligibility, contraindications, precautions, built.unrecognized(),
                orderedByQuestion(missing, rules), null, course);
    }

    /** Missing facts in the order the questionnaire asks them; patient fields first. */
    private static Map<String, List<String>> orderedByQuestion(Map<String, List<String>> missing, RuleSet rules) {
        List<String> order = new ArrayList<>(List.of("patient.age", "patient.sex", "areas"));
        order.addAll(rules.questions().keySet());
        Map<String, List<String>> out = new LinkedHashMap<>();
        missing.keySet().stream().sorted(Comparator.comparingInt(order::indexOf)).forEach(k -> out.put(k, missing.get(k)));
        return out;
    }
}
