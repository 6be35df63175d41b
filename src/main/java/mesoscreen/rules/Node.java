package mesoscreen.rules;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.text.Suggestions;

/**
 * A value of a rule file with its position. Every accessor checks the shape it expects and
 * raises a located {@link RuleError} otherwise, so the readers stay free of error handling.
 */
public record Node(YamlDocument document, JsonPointer at, JsonNode value) {

    public boolean isMissing() {
        return value.isMissingNode() || value.isNull();
    }

    public RuleError.Raised error(String message) {
        return new RuleError.Raised(document.error(at, message));
    }

    /** The member {@code key}; missing members are allowed here and checked by the caller. */
    public Node get(String key) {
        return new Node(document, at.appendProperty(key), value.path(key));
    }

    public Node required(String key) {
        Node child = get(key);
        if (child.isMissing()) {
            throw error("missing '" + key + "'");
        }
        return child;
    }

    /** Checks that this is a mapping with no keys beyond {@code allowed}; returns its members in order. */
    public Map<String, Node> object(Set<String> allowed) {
        if (!value.isObject()) {
            throw error("expected a mapping of " + String.join(", ", allowed));
        }
        Map<String, Node> members = new LinkedHashMap<>();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            Node member = get(key);
            if (!allowed.contains(key)) {
                throw member.keyError("unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                        + "; expected one of " + String.join(", ", allowed));
            }
            members.put(key, member);
        }
        return members;
    }

    /** A mapping whose keys are names chosen by the author (ids, languages). */
    public Map<String, Node> entries() {
        if (!value.isObject()) {
            throw error("expected a mapping");
        }
        Map<String, Node> members = new LinkedHashMap<>();
        value.fieldNames().forEachRemaining(key -> members.put(key, get(key)));
        return members;
    }

    public RuleError.Raised keyError(String message) {
        JsonPointer key = JsonPointer.compile(at.toString() + "#key");
        RuleError error = document.error(key, message);
        if (error.line() == 0) {
            error = document.error(at, message);
        }
        return new RuleError.Raised(error);
    }

    public List<Node> list() {
        if (!value.isArray()) {
            throw error("expected a list");
        }
        List<Node> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(new Node(document, at.appendIndex(i), value.get(i)));
        }
        return items;
    }

    /** A list, or a single value standing for a list of one. */
    public List<Node> listOrOne() {
        return value.isArray() ? list() : List.of(this);
    }

    public String text() {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error("expected a non-empty text");
        }
        return value.asText();
    }

    public List<String> texts() {
        return list().stream().map(Node::text).toList();
    }

    public int integer() {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error("expected a whole number");
        }
        return value.intValue();
    }

    public boolean bool() {
        if (!value.isBoolean()) {
            throw error("expected true or false");
        }
        return value.booleanValue();
    }

    /** A text that must be one of {@code choices}. */
    public String oneOf(Set<String> choices, String what) {
        String text = text();
        if (!choices.contains(text)) {
            String hint = Suggestions.didYouMean(text, choices);
            if (hint.isEmpty() && choices.size() <= 30) {
                hint = "; known: " + String.join(", ", choices.stream().sorted().toList());
            }
            throw error("unknown " + what + " '" + text + "'" + hint);
        }
        return text;
    }
}
