package mesoscreen.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML file that can tell where every value stood, so that errors found long after
 * parsing (an unknown question id, a failing example) still point at a line and column. Where each
 * value stood is worked out from the text again at the first error, not recorded at every parse: a
 * rule folder that loads has no errors, and recording a JSON pointer for every token was about a
 * tenth of what start-up allocated (README, Performance).
 */
public final class YamlDocument {
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final String name;
    private final String text;
    private final JsonNode root;

    private YamlDocument(String name, String text) {
        this.name = name;
        this.text = text;
        JsonNode parsed;
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            parsed = YAML.readTree(parser);
        } catch (java.io.IOException e) {
            throw new RuleError.Raised(syntaxError(e));
        }
        this.root = parsed == null ? MissingNode.getInstance() : parsed;
    }

    /** Parses {@code text}; a YAML syntax error is raised as a located {@link RuleError}. */
    public static YamlDocument parse(String name, String text) {
        return new YamlDocument(name, text);
    }

    public String name() {
        return name;
    }

    /** The document's values, as a copy: the parsed tree itself never leaves this class. */
    public Node root() {
        return new Node(this, JsonPointer.empty(), root.deepCopy());
    }

    /** An error at the value {@code at}, or at its nearest located parent. */
    public RuleError error(JsonPointer at, String message) {
        Map<String, JsonLocation> locations = locations();
        JsonPointer p = at;
        JsonLocation location = locations.get(p.toString());
        while (location == null && p != null && !p.matches()) {
            p = p.head();
            location = p == null ? null : locations.get(p.toString());
        }
        return at(location, message);
    }

    /**
     * The same parse as the constructor's (it succeeded there), recording where every value stood, by
     * pointer (with {@code #key} for a mapping's key). Made again for each error rather than kept: errors
     * are few, and a compiled rule set holds its documents frozen (ImmutabilityTest).
     */
    private Map<String, JsonLocation> locations() {
        Map<String, JsonLocation> recorded = new HashMap<>();
        try (JsonParser parser = new Recording(YAML.getFactory().createParser(text), recorded)) {
            YAML.readTree(parser);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("parsed once, " + name + " no longer parses", e);
        }
        return recorded;
    }

    private RuleError at(JsonLocation location, String message) {
        if (location == null || location.getLineNr() < 1) {
            return new RuleError(name, 0, 0, message, null);
        }
        int line = location.getLineNr();
        List<String> lines = text.lines().toList();
        String source = line <= lines.size() ? lines.get(line - 1) : null;
        return new RuleError(name, line, location.getColumnNr(), message, source);
    }

    private RuleError syntaxError(java.io.IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage() : e.getMessage();
        JsonLocation location = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getLocation() : null;
        // SnakeYAML explains over several lines, indented ones quoting the source: keep the sentences.
        String reason = message == null ? "unreadable" : String.join(": ", message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .toList());
        return at(location, "invalid YAML: " + reason);
    }

    /** Records the location of every value as the tree is built from the token stream. */
    private static final class Recording extends JsonParserDelegate {
        private final Map<String, JsonLocation> recorded;

        Recording(JsonParser delegate, Map<String, JsonLocation> recorded) {
            super(delegate);
            this.recorded = recorded;
        }

        @Override
        public JsonToken nextToken() throws java.io.IOException {
            JsonToken token = super.nextToken();
            if (token != null && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                String pointer = delegate.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    pointer = pointer + "#key";
                }
                recorded.putIfAbsent(pointer, delegate.currentTokenLocation());
            }
            return token;
        }
    }
}
