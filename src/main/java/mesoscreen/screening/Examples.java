package mesoscreen.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Truth;

/**
 * Runs the examples written beside every rule through the same intake reader, validator and
 * evaluation as a request. A rule set whose examples fail is not used: the failure is a load error
 * located at the example.
 */
public final class Examples {
    private Examples() {
    }

    public static List<RuleError> check(RuleSet rules, ObjectMapper json, IntakeValidator validator, LocalDate today) {
        List<RuleError> errors = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (Rule.Example example : rule.examples()) {
                String failure = failure(rule, example, rules, json, validator, today);
                if (failure != null) {
                    errors.add(example.at().get("expect").error("example '" + example.name() + "': " + failure).error());
                }
            }
        }
        return errors;
    }

    /** What the rule makes of an intake: fires, clear, or unknown with the facts it lacks. */
    public static Rule.Outcome outcome(Optional<Finding> finding) {
        return finding.map(f -> f.truth() == Truth.TRUE ? Rule.Outcome.FIRES : Rule.Outcome.UNKNOWN)
                .orElse(Rule.Outcome.CLEAR);
    }

    private static String failure(Rule rule, Rule.Example example, RuleSet rules, ObjectMapper json,
                                  IntakeValidator validator, LocalDate today) {
        Intake intake;
        try {
            intake = json.treeToValue(example.intake(), Intake.class);
        } catch (JsonProcessingException e) {
            return "the intake is not a valid request: " + e.getOriginalMessage();
        }
        List<Violation> violations = validator.validate(intake, rules);
        if (!violations.isEmpty()) {
            return "the intake is not a valid request: " + violations.stream()
                    .map(v -> v.path() + ": " + v.detail()).collect(Collectors.joining("; "));
        }
        FactsBuilder.Built built = FactsBuilder.build(intake, rules, today);
        Optional<Finding> finding = rules.evaluate(built.facts()).stream()
                .filter(f -> f.rule().id().equals(rule.id())).findFirst();
        Rule.Outcome outcome = outcome(finding);
        if (outcome != example.expect()) {
            return "expected the rule to be " + example.expect().json() + " but it is " + outcome.json()
                    + finding.map(f -> f.truth() == Truth.TRUE ? " (" + String.join("; ", f.evidence()) + ")"
                    : " (missing " + String.join(", ", f.missing()) + ")").orElse("");
        }
        if (example.missing() != null && !Set.copyOf(finding.get().missing()).equals(example.missing())) {
            return "expected missing " + example.missing().stream().sorted().toList() + " but got "
                    + finding.get().missing().stream().sorted().toList();
        }
        return null;
    }
}
