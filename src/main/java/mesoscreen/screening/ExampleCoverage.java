package mesoscreen.screening;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mesoscreen.intake.Intake;
import mesoscreen.rules.Facts;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Condition;
import mesoscreen.rules.condition.Truth;

/**
 * What the examples of a loaded rule set leave untried: a branch of an {@code any} that no example of
 * its rule makes true (so a typo in it would go unnoticed), and questions no example answers. The
 * examples are screened as when they are checked, through the same facts and conditions.
 *
 * @param untriedBranches each located at the branch in its rule file
 * @param unansweredQuestions question ids, in the order of questions.yaml
 */
public record ExampleCoverage(List<RuleError> untriedBranches, List<String> unansweredQuestions) {

    /** The coverage of {@code rules}, whose examples must already have been checked. */
    public static ExampleCoverage of(RuleSet rules, ObjectMapper json, LocalDate today) {
        List<RuleError> untried = new ArrayList<>();
        Set<String> answered = new LinkedHashSet<>();
        for (Rule rule : rules.rules()) {
            List<Facts> screened = new ArrayList<>();
            for (Rule.Example example : rule.examples()) {
                Intake intake = intake(example, json);
                answered.addAll(intake.answers().keySet());
                screened.addAll(Examples.facts(intake, rules, today));
            }
            untried(rule.when(), JsonPointer.compile("/when"), rule, screened, untried);
        }
        List<String> unanswered = rules.questions().keySet().stream().filter(q -> !answered.contains(q)).toList();
        return new ExampleCoverage(List.copyOf(untried), unanswered);
    }

    public boolean complete() {
        return untriedBranches.isEmpty() && unansweredQuestions.isEmpty();
    }

    /** Walks the condition tree alongside its place in the file; only {@code any} has branches to try. */
    private static void untried(Condition condition, JsonPointer at, Rule rule, List<Facts> screened,
                                List<RuleError> out) {
        if (condition instanceof Condition.Any any) {
            for (int i = 0; i < any.children().size(); i++) {
                Condition branch = any.children().get(i);
                JsonPointer place = at.appendProperty("any").appendIndex(i);
                if (screened.stream().noneMatch(facts -> branch.test(facts).truth() == Truth.TRUE)) {
                    out.add(document(rule).error(place, "rule '" + rule.id() + "': no example makes this branch of"
                            + " 'any' true: " + branch.describe()));
                }
                untried(branch, place, rule, screened, out);
            }
        } else if (condition instanceof Condition.All all) {
            for (int i = 0; i < all.children().size(); i++) {
                untried(all.children().get(i), at.appendProperty("all").appendIndex(i), rule, screened, out);
            }
        } else if (condition instanceof Condition.Not not) {
            untried(not.child(), at.appendProperty("not"), rule, screened, out);
        }
    }

    private static mesoscreen.rules.YamlDocument document(Rule rule) {
        return rule.examples().get(0).at().document();
    }

    private static Intake intake(Rule.Example example, ObjectMapper json) {
        try {
            return json.treeToValue(example.intake(), Intake.class);
        } catch (JsonProcessingException e) {
            // Unreachable for a rule set whose examples were checked; fail loudly rather than skip.
            throw new IllegalStateException("example '" + example.name() + "' was not checked", e);
        }
    }
}
