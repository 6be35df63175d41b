package mesoscreen.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.Facts;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Truth;
import mesoscreen.rules.load.InParallel;

/**
 * Runs the examples written beside every rule through the same intake reader, validator and
 * evaluation as a request. A rule set whose examples fail is not used: the failure is a load error
 * located at the example. An example that names no procedure is screened for each one: the rule
 * fires if it fires for any, else is unknown if unknown for any.
 */
public final class Examples {
    private Examples() {
    }

    /** Every failing example's error, in the order of the rules and their examples; the examples are screened side by side. */
    public static List<RuleError> check(RuleSet rules, ObjectMapper json, IntakeValidator validator, LocalDate today) {
        List<Case> cases = rules.rules().stream()
                .flatMap(rule -> rule.examples().stream().map(example -> new Case(rule, example))).toList();
        List<String> failures = InParallel.map(cases,
                c -> failure(c.rule(), c.example(), rules, json, validator, today));
        List<RuleError> errors = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (failures.get(i) != null) {
                Rule.Example example = cases.get(i).example();
                errors.add(example.expectAt().error("example '" + example.name() + "': " + failures.get(i)));
            }
        }
        return errors;
    }

    private record Case(Rule rule, Rule.Example example) {
    }

    /** The facts of a valid example intake, for each procedure it is screened for: its own, or every one. */
    static List<Facts> facts(Intake intake, RuleSet rules, LocalDate today) {
        Facts facts = FactsBuilder.build(intake, rules, today).facts();
        List<String> procedures = intake.procedure() != null ? List.of(intake.procedure())
                : List.copyOf(rules.procedures().keySet());
        return procedures.stream().map(facts::forProcedure).toList();
    }

    private static String failure(Rule rule, Rule.Example example, RuleSet rules, ObjectMapper json,
                                  IntakeValidator validator, LocalDate today) {
        Intake intake;
        try {
            intake = json.treeToValue(example.intake(), Intake.class);
        } catch (JsonProcessingException e) {
            return "the intake is not a valid request: " + e.getOriginalMessage();
        }
        List<Violation> violations = validator.validate(intake, rules, today);
        if (!violations.isEmpty()) {
            return "the intake is not a valid request: " + violations.stream()
                    .map(v -> v.path() + ": " + v.detail()).collect(Collectors.joining("; "));
        }
        Truth truth = Truth.FALSE;
        Set<String> evidence = new java.util.LinkedHashSet<>();
        Set<String> missing = new TreeSet<>();
        // Only the example's own rule: the others cannot change its finding.
        for (Facts facts : facts(intake, rules, today)) {
            Optional<Finding> found = RuleSet.evaluate(rule, facts);
            if (found.isPresent()) {
                Finding finding = found.get();
                truth = truth.compareTo(finding.truth()) < 0 ? finding.truth() : truth;
                evidence.addAll(finding.evidence());
                missing.addAll(finding.missing());
            }
        }
        Rule.Outcome outcome = truth == Truth.TRUE ? Rule.Outcome.FIRES
                : truth == Truth.UNKNOWN ? Rule.Outcome.UNKNOWN : Rule.Outcome.CLEAR;
        if (outcome != example.expect()) {
            return "expected the rule to be " + example.expect().json() + " but it is " + outcome.json()
                    + (outcome == Rule.Outcome.FIRES ? " (" + String.join("; ", evidence) + ")"
                    : outcome == Rule.Outcome.UNKNOWN ? " (missing " + String.join(", ", missing) + ")" : "");
        }
        if (example.missing() != null && outcome == Rule.Outcome.UNKNOWN && !missing.equals(example.missing())) {
            return "expected missing " + new TreeSet<>(example.missing()) + " but got " + missing;
        }
        return null;
    }
}
