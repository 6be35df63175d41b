package mesoscreen.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.intake.IntakeField;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.Ruling;
import mesoscreen.rules.condition.Truth;

/**
 * What the findings for one procedure add up to.
 *
 * @param contraindications fired contraindications, worst first
 * @param precautions       fired precautions, and those unknown answers could not rule out
 * @param notes             fired notes (expectations; they never change the verdict)
 * @param missing           question (or patient field) to the ids of the rules that need it
 * @param eligibleFrom      for DEFER, the day every deferral has ended, when each one has a date
 */
public record Verdict(Eligibility eligibility, List<Finding> contraindications, List<Finding> precautions,
                      List<Finding> notes, Map<String, List<String>> missing, LocalDate eligibleFrom) {

    static Verdict of(List<Finding> findings, boolean unrecognized, RuleSet rules) {
        List<Finding> contraindications = new ArrayList<>();
        List<Finding> precautions = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Rule rule = finding.rule();
            boolean known = finding.truth() == Truth.TRUE;
            if (rule.kind() == Rule.Kind.NOTE) {
                if (known) {
                    notes.add(finding);
                }
                continue;
            }
            if (!known) {
                finding.missing().forEach(fact -> missing.computeIfAbsent(fact, k -> new ArrayList<>()).add(rule.id()));
            }
            if (rule.kind() == Rule.Kind.PRECAUTION) {
                precautions.add(finding);
            } else if (known) {
                contraindications.add(finding);
            }
        }
        List<Ruling> rulings = new ArrayList<>(findings.size());
        findings.forEach(finding -> rulings.add(finding.ruling()));
        Eligibility eligibility = eligibility(rulings, unrecognized);
        contraindications.sort(Comparator.comparing((Finding f) -> Eligibility.of(f.rule().severity())).reversed());
        return new Verdict(eligibility, contraindications, precautions, notes, orderedByQuestion(missing, rules),
                eligibility == Eligibility.DEFER ? eligibleFrom(contraindications) : null);
    }

    /**
     * The eligibility {@link #of} gives, without the lists and what is missing: all that the procedures
     * other than the one answered for are compared by.
     */
    static Eligibility eligibility(List<Ruling> rulings, boolean unrecognized) {
        Eligibility eligibility = unrecognized ? Eligibility.ELIGIBLE_WITH_PRECAUTIONS : Eligibility.ELIGIBLE;
        for (Ruling ruling : rulings) {
            Rule rule = ruling.rule();
            boolean known = ruling.truth() == Truth.TRUE;
            if (rule.kind() == Rule.Kind.PRECAUTION) {
                // A precaution we cannot rule out is given all the same: it only adds care.
                eligibility = eligibility.worst(Eligibility.ELIGIBLE_WITH_PRECAUTIONS);
            } else if (rule.kind() == Rule.Kind.CONTRAINDICATION) {
                eligibility = eligibility.worst(known ? Eligibility.of(rule.severity()) : Eligibility.INCOMPLETE);
            }
        }
        return eligibility;
    }

    /** The last day a deferral ends; none when one of them has no end date (pregnancy, say). */
    private static LocalDate eligibleFrom(List<Finding> contraindications) {
        LocalDate latest = null;
        for (Finding finding : contraindications) {
            if (finding.rule().severity() == Rule.Severity.TEMPORARY) {
                if (finding.until() == null) {
                    return null;
                }
                latest = latest == null || finding.until().isAfter(latest) ? finding.until() : latest;
            }
        }
        return latest;
    }

    /** Missing facts in the order the questionnaire asks them; patient fields first, the rest last. */
    private static Map<String, List<String>> orderedByQuestion(Map<String, List<String>> missing, RuleSet rules) {
        if (missing.size() < 2) {
            return missing;
        }
        // Each fact's position worked out once, not at every comparison; a stable sort: what no question asks
        // (the recent procedures' dates) keeps its order, last.
        String[] facts = missing.keySet().toArray(String[]::new);
        long[] keyed = new long[facts.length];
        for (int i = 0; i < facts.length; i++) {
            keyed[i] = ((long) position(facts[i], rules) << 32) | i;
        }
        java.util.Arrays.sort(keyed);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (long key : keyed) {
            String fact = facts[(int) key];
            out.put(fact, missing.get(fact));
        }
        return out;
    }

    private static int position(String fact, RuleSet rules) {
        int field = PATIENT_FIELDS.indexOf(fact);
        if (field >= 0) {
            return field;
        }
        Integer question = rules.questionOrder().get(fact);
        return question != null ? PATIENT_FIELDS.size() + question : Integer.MAX_VALUE;
    }

    private static final List<String> PATIENT_FIELDS = List.of(IntakeField.AGE.id(), IntakeField.SEX.id(),
            IntakeField.AREAS.id());
}
