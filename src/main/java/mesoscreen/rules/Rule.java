package mesoscreen.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import mesoscreen.rules.condition.Condition;
import mesoscreen.text.Localized;

/**
 * A compiled rule. {@code procedures} empty means every procedure. {@code reassess} is given for
 * temporary contraindications only. {@code location} is where the rule's file starts.
 */
public record Rule(String id, Kind kind, Severity severity, Set<String> procedures, Condition when,
                   Localized title, Localized message, Localized reassess, String source,
                   List<Example> examples, String file) {

    public Rule {
        procedures = Set.copyOf(procedures);
        examples = List.copyOf(examples);
    }

    public enum Kind {
        CONTRAINDICATION, PRECAUTION, NOTE;

        /** Worked out once: asked for in every answer. */
        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        public String json() {
            return json;
        }
    }

    public enum Severity {
        ABSOLUTE, TEMPORARY, RELATIVE;

        /** Worked out once: asked for in every answer. */
        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        public String json() {
            return json;
        }
    }

    public boolean appliesTo(String procedure) {
        return procedure == null || procedures.isEmpty() || procedures.contains(procedure);
    }

    /**
     * An intake written beside the rule with what the rule must make of it, and where its {@code expect}
     * is written (a failing example is reported there). The intake is kept as a
     * private copy, and {@link #intake()} gives a fresh copy each time, so nobody can change it.
     */
    public record Example(String name, JsonNode intake, Outcome expect, Set<String> missing,
                          Node.Position expectAt) {
        public Example {
            intake = intake.deepCopy();
            missing = missing == null ? null : Set.copyOf(missing);
        }

        @Override
        public JsonNode intake() {
            return intake.deepCopy();
        }
    }

    /** What a rule makes of an intake. */
    public enum Outcome {
        FIRES, CLEAR, UNKNOWN;

        /** Worked out once: asked for in every answer. */
        private final String json = name().toLowerCase(java.util.Locale.ROOT);

        public String json() {
            return json;
        }
    }
}
