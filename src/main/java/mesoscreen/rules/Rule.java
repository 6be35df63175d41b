package mesoscreen.rules;

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

    public enum Kind {
        CONTRAINDICATION, PRECAUTION, NOTE;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Severity {
        ABSOLUTE, TEMPORARY, RELATIVE;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean appliesTo(String procedure) {
        return procedure == null || procedures.isEmpty() || procedures.contains(procedure);
    }

    /** An intake written beside the rule with what the rule must make of it. */
    public record Example(String name, com.fasterxml.jackson.databind.JsonNode intake, Outcome expect,
                          Set<String> missing, Node at) {
    }

    /** What a rule makes of an intake. */
    public enum Outcome {
        FIRES, CLEAR, UNKNOWN;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
