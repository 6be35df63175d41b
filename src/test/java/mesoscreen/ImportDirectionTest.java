package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports run one way: adapters → shared web layer → screening → rules → vocabulary / intake. A plain scan of the sources:
 * every reference from one of our packages to another (an import or a qualified name in code) must go to
 * a lower layer. Subpackages belong to their package ({@code rules.condition} is {@code rules}).
 */
class ImportDirectionTest {
    /**
     * Layer of each top-level package under {@code mesoscreen}; "" is the root package (configuration). A
     * package may use lower layers only, so packages of one layer are siblings that never use each other:
     * the adapters (7) share the web layer (5, 6) and never import one another, the web layer never imports
     * an adapter, and the core (0-4) imports neither.
     */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("text", 0),            // localized texts, did-you-mean: no medicine, no HTTP
            Map.entry("", 1),                // MesoscreenConfig, Clocks
            Map.entry("intake", 1),          // the request model
            Map.entry("vocabulary", 1),      // codes and free text to canonical ids
            Map.entry("settings", 2),        // settings checked at start-up
            Map.entry("rules", 2),           // rule files, loader, conditions, the immutable rule set
            Map.entry("course", 3),
            Map.entry("questionnaire", 3),
            Map.entry("screening", 4),       // the one entry point, HTTP-free
            Map.entry("http", 5),            // what every adapter shares over HTTP: problem bodies, CORS, caching,
                                             // body limit, request ids, access log, strict JSON
            Map.entry("chart", 5),           // a patient's FHIR record read as an intake, for the adapters that receive
                                             // one (CDS Hooks prefetch, FHIR $populate): no HTTP
            Map.entry("access", 6),          // who may call and how often: keys, failure budgets, rate limits
            Map.entry("result", 6),          // the contract's screening result, as every adapter that screens answers
            Map.entry("api", 7),             // adapters: contract v1, FHIR, CDS Hooks, the jar's entry point and
            Map.entry("fhir", 7),            // the rule authors' commands
            Map.entry("cdshooks", 7),
            Map.entry("smart", 7),           // the SMART on FHIR app's launch and pages
            Map.entry("authoring", 7));

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bmesoscreen((?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void importsRunFromAdaptersDownToTheCore() throws IOException {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                String from = declared.find() ? top(declared.group(1).replaceFirst("^mesoscreen\\.?", "")) : "";
                Matcher reference = REFERENCE.matcher(COMMENTS.matcher(source).replaceAll(""));
                TreeSet<String> targets = new TreeSet<>();
                while (reference.find()) {
                    targets.add(top(reference.group(1).replaceFirst("^\\.", "")));
                }
                targets.add(from);
                int layer = LAYERS.getOrDefault(from, -1);
                for (String to : targets) {
                    if (!LAYERS.containsKey(to)) {
                        unknown.add(to);
                    } else if (!to.equals(from) && LAYERS.get(to) >= layer) {
                        wrong.add(file + ": " + name(from) + " (layer " + layer + ") uses " + name(to)
                                + " (layer " + LAYERS.get(to) + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), List.copyOf(unknown), "packages with no layer: add them to LAYERS in this test");
        assertEquals(List.of(), wrong, "imports against the direction adapters -> web layer -> screening -> rules -> vocabulary/intake,"
                + " or between siblings");
    }

    private static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "mesoscreen" : pkg;
    }
}
