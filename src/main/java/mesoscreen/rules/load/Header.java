package mesoscreen.rules.load;

import mesoscreen.text.Ordered;
import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.rules.Node;

/** ruleset.yaml: the version of the rule set, its languages (the first is the fallback) and its sources. */
record Header(String version, List<String> languages, Map<String, String> sources) {

    Header {
        languages = List.copyOf(languages);
        sources = Ordered.copy(sources);
    }

    static Header read(Reading reading) {
        Header[] read = {new Header("", List.of("en"), Map.of())};
        Node doc = reading.root("ruleset.yaml", true);
        if (doc == null) {
            return read[0];
        }
        // Field by field, as far as it goes: the languages read before a bad source still hold.
        reading.problems().attempt(() -> {
            doc.object(orderedSet("version", "languages", "sources"));
            read[0] = new Header(doc.required("version").text(), read[0].languages(), read[0].sources());
            read[0] = new Header(read[0].version(), doc.required("languages").texts(), read[0].sources());
            Map<String, String> cited = new LinkedHashMap<>();
            doc.required("sources").entries().forEach((id, text) -> cited.put(id, text.text()));
            read[0] = new Header(read[0].version(), read[0].languages(), cited);
        });
        return read[0];
    }
}
