package mesoscreen.rules.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mesoscreen.rules.Node;
import mesoscreen.rules.Range;
import mesoscreen.text.Localized;
import mesoscreen.text.Ordered;

/**
 * What every reading stage works with: the parsed folder, the languages and sources of ruleset.yaml,
 * and the errors found so far; and the readers of the small shapes every file uses.
 */
record Reading(ParsedFolder folder, List<String> languages, Map<String, String> sources, Problems problems) {

    Reading {
        languages = List.copyOf(languages);
        sources = Ordered.copy(sources);
    }

    /** The same reading with the languages and sources of ruleset.yaml. */
    Reading with(List<String> declaredLanguages, Map<String, String> declaredSources) {
        return new Reading(folder, declaredLanguages, declaredSources, problems);
    }

    Node root(String relative, boolean required) {
        return folder.root(relative, required, problems);
    }

    /** Reads {@code key: [ ... ]} of a file into an id-ordered map, reporting duplicate ids. */
    <T> Map<String, T> list(String relative, String key, Function<Node, T> reader, Function<T, String> id) {
        Node doc = root(relative, true);
        Map<String, T> out = new LinkedHashMap<>();
        if (doc == null) {
            return Ordered.copy(out);
        }
        List<Node> items = problems.attempt(() -> {
            doc.object(Set.of(key));
            return doc.required(key).list();
        });
        for (Node item : items == null ? List.<Node>of() : items) {
            T value = problems.attempt(() -> reader.apply(item));
            if (value != null && out.putIfAbsent(id.apply(value), value) != null) {
                problems.add(item.get("id").error("duplicate id '" + id.apply(value) + "'").error());
            }
        }
        return Ordered.copy(out);
    }

    /** A text in every language of the rule set, no more and no fewer. */
    Localized localized(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.entries().forEach((language, text) -> {
            if (!languages.contains(language)) {
                throw text.keyError("unknown language '" + language + "'; the rule set has " + languages);
            }
            out.put(language, text.text());
        });
        for (String language : languages) {
            if (!out.containsKey(language)) {
                throw node.error("missing the '" + language + "' text");
            }
        }
        return new Localized(out, languages.get(0));
    }

    Localized optionalLocalized(Node node) {
        return node.isMissing() ? null : localized(node);
    }

    String source(Node node) {
        return sources.get(node.oneOf(sources.keySet(), "source"));
    }

    static Range range(Node node) {
        node.object(orderedSet("min", "max"));
        int min = node.required("min").integer();
        int max = node.required("max").integer();
        if (min < 0 || min > max) {
            throw node.error("expected 0 <= min <= max");
        }
        return new Range(min, max);
    }

    static Set<String> orderedSet(String... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
    }
}
