package mesoscreen.rules.load;

import java.nio.charset.CharacterCodingException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.rules.Node;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.YamlDocument;

/**
 * Stage 2 of loading: every file of the folder parsed once, with the position of every value. A file
 * that is not YAML keeps its located syntax error, reported when a reader asks for the file, so errors
 * come in the order the readers meet them.
 */
final class ParsedFolder {
    private final RuleFolder folder;
    private final Map<String, Parsed> files;

    /** A parsed document, or why it could not be parsed. */
    private record Parsed(YamlDocument document, RuleError error) {
    }

    private ParsedFolder(RuleFolder folder, Map<String, Parsed> files) {
        this.folder = folder;
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * Parses the files side by side (each on its own, into its own tree): parsing YAML is most of what loading
     * costs, and the start-up waits for it. The files keep their path order.
     */
    static ParsedFolder parse(RuleFolder folder) {
        List<String> paths = folder.paths();
        List<Parsed> parsed = InParallel.map(paths, relative -> parse(folder, relative));
        Map<String, Parsed> files = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            files.put(paths.get(i), parsed.get(i));
        }
        return new ParsedFolder(folder, files);
    }

    private static Parsed parse(RuleFolder folder, String relative) {
        try {
            String text = folder.text(relative).orElseThrow();
            return new Parsed(YamlDocument.parse(folder.name(relative), text), null);
        } catch (RuleError.Raised e) {
            return new Parsed(null, e.error());
        } catch (CharacterCodingException e) {
            return new Parsed(null, new RuleError(folder.name(relative), 0, 0, "cannot read: " + e.getMessage(), null));
        }
    }

    RuleFolder folder() {
        return folder;
    }

    /** The root of a file, or null with the error recorded when it is missing (and required) or not YAML. */
    Node root(String relative, boolean required, Problems problems) {
        Parsed parsed = files.get(relative);
        if (parsed == null) {
            if (required) {
                problems.add(new RuleError(folder.name(relative), 0, 0, "file missing", null));
            }
            return null;
        }
        if (parsed.error() != null) {
            problems.add(parsed.error());
            return null;
        }
        return parsed.document().root();
    }
}
