package mesoscreen.rules.load;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.rules.Node;
import mesoscreen.rules.Rule;
import mesoscreen.rules.condition.ConditionCompiler;

/**
 * Stage 4 of loading: what can only be checked or built once every file is read. A question no rule
 * reads is an error (known only when every rule compiled); a recent-procedure question's types are those
 * of every rule it serves, so each rule's predicate is given the whole set.
 */
final class Linker {
    private Linker() {
    }

    /**
     * @param complete whether every rule file compiled; only then can a question be known to be unused
     */
    static List<Rule> link(List<Rule> rules, Map<String, Node> questionNodes, boolean complete, Problems problems) {
        Set<String> asked = new HashSet<>();
        rules.forEach(rule -> rule.when().reads(asked));
        questionNodes.forEach((id, node) -> {
            if (complete && !asked.contains(id)) {
                problems.add(node.get("id").error("question '" + id + "' is used by no rule; remove it or use it").error());
            }
        });
        Map<String, Set<String>> typesAskedBy = ConditionCompiler.typesAskedBy(rules.stream().map(Rule::when).toList());
        return rules.stream().map(rule -> new Rule(rule.id(), rule.kind(), rule.severity(), rule.procedures(),
                ConditionCompiler.link(rule.when(), typesAskedBy), rule.title(), rule.message(), rule.reassess(),
                rule.source(), rule.examples(), rule.file())).toList();
    }
}
