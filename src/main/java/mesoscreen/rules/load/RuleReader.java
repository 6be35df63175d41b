package mesoscreen.rules.load;

import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.rules.Node;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.Rule;
import mesoscreen.rules.Rule.Example;
import mesoscreen.rules.Rule.Kind;
import mesoscreen.rules.Rule.Outcome;
import mesoscreen.rules.Rule.Severity;
import mesoscreen.rules.condition.Condition;
import mesoscreen.rules.condition.ConditionCompiler;
import mesoscreen.text.Localized;

/** Reads {@code checks/}, one rule a file named after its id, compiling each {@code when:}. */
final class RuleReader {
    private final Reading reading;
    private final ConditionCompiler compiler;
    private final Map<String, Procedure> procedures;

    private RuleReader(Reading reading, ConditionCompiler compiler, Map<String, Procedure> procedures) {
        this.reading = reading;
        this.compiler = compiler;
        this.procedures = procedures;
    }

    static List<Rule> read(Reading reading, ConditionCompiler compiler, Map<String, Procedure> procedures) {
        return new RuleReader(reading, compiler, procedures).read();
    }

    private List<Rule> read() {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String relative : reading.folder().folder().paths()) {
            if (!relative.startsWith("checks/")) {
                continue;
            }
            Node doc = reading.root(relative, true);
            Rule rule = doc == null ? null : reading.problems().attempt(() -> rule(doc, relative));
            if (rule != null && !ids.add(rule.id())) {
                reading.problems().add(doc.get("id").error("duplicate rule id '" + rule.id() + "'").error());
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    private Rule rule(Node node, String relative) {
        node.object(orderedSet("id", "kind", "severity", "procedures", "when", "answerOnly", "title", "message",
                "reassess", "source", "examples"));
        String id = node.required("id").text();
        if (!node.get("answerOnly").isMissing()) {
            // Why no list entry can state this contraindication; a test holds every other one to reading the lists.
            node.get("answerOnly").text();
        }
        String expected = relative.substring(relative.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        if (!id.equals(expected)) {
            throw node.get("id").error("rule id '" + id + "' must match its file name '" + expected + "'");
        }
        Kind kind = Kind.valueOf(node.required("kind")
                .oneOf(orderedSet("contraindication", "precaution", "note"), "kind").toUpperCase(java.util.Locale.ROOT));
        Severity severity = null;
        if (kind == Kind.CONTRAINDICATION) {
            severity = Severity.valueOf(node.required("severity")
                    .oneOf(orderedSet("absolute", "temporary", "relative"), "severity").toUpperCase(java.util.Locale.ROOT));
        } else if (!node.get("severity").isMissing()) {
            throw node.get("severity").error("only a contraindication has a severity");
        }
        Localized reassess = null;
        if (severity == Severity.TEMPORARY) {
            reassess = reading.localized(node.required("reassess"));
        } else if (!node.get("reassess").isMissing()) {
            throw node.get("reassess").error("'reassess' is for temporary contraindications only");
        }
        Set<String> scope = CatalogueReader.scope(node.required("procedures"), procedures);
        Condition when = compiler.compile(node.required("when"));
        List<Example> examples = node.required("examples").list().stream().map(this::example).toList();
        for (Outcome needed : List.of(Outcome.FIRES, Outcome.CLEAR)) {
            if (examples.stream().noneMatch(e -> e.expect() == needed)) {
                throw node.required("examples").error("rule '" + id + "' needs an example that " + needed.json()
                        + (needed == Outcome.FIRES ? "" : "s"));
            }
        }
        return new Rule(id, kind, severity, scope, when, reading.localized(node.required("title")),
                reading.localized(node.required("message")), reassess, reading.source(node.required("source")),
                examples, node.document().name());
    }

    private Example example(Node node) {
        node.object(orderedSet("name", "intake", "expect", "missing"));
        Outcome expect = Outcome.valueOf(node.required("expect")
                .oneOf(orderedSet("fires", "clear", "unknown"), "outcome").toUpperCase(java.util.Locale.ROOT));
        Set<String> missing = node.get("missing").isMissing() ? null : Set.copyOf(node.get("missing").texts());
        if (missing != null && expect != Outcome.UNKNOWN) {
            throw node.get("missing").error("'missing' is for examples that expect unknown");
        }
        Node intake = node.required("intake");
        if (!intake.value().isObject()) {
            throw intake.error("expected the intake as a mapping");
        }
        return new Example(node.required("name").text(), intake.value(), expect, missing,
                node.get("expect").position());
    }
}
