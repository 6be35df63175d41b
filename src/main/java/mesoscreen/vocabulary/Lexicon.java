package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Canonical ids of one vocabulary (conditions, medication classes, allergens) and everything that
 * names them: codes, code prefixes, and free-text terms in any language. Built once at start-up;
 * a lookup is a few hash probes, plus a bounded typo scan for long words.
 */
public final class Lexicon {
    /** Words shorter than this are too easily confused to forgive a typo in. */
    private static final int TYPO_MIN_LENGTH = 6;

    private final TextNormalizer normalizer;
    private final Map<String, Map<String, String>> exactCodes = new HashMap<>();
    private final Map<String, List<String[]>> prefixCodes = new HashMap<>();
    private final Map<String, String> terms = new HashMap<>();
    private final List<String[]> typoTerms = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private int longestTerm = 1;

    public Lexicon(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public Set<String> ids() {
        return ids;
    }

    public void addId(String id) {
        ids.add(id);
    }

    /** Adds a code of {@code system} (an alias); a code ending in '*' matches every code it starts. */
    public void addCode(String id, String system, String code) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        if (normal.endsWith("*")) {
            prefixCodes.computeIfAbsent(system, s -> new ArrayList<>())
                    .add(new String[] {normal.substring(0, normal.length() - 1), id});
        } else {
            exactCodes.computeIfAbsent(system, s -> new HashMap<>()).put(normal, id);
        }
    }

    /** Adds a term; returns the id it already named, if another one, so the loader can report the clash. */
    public String addTerm(String id, String term) {
        String normal = normalizer.normalize(term);
        String previous = terms.putIfAbsent(normal, id);
        if (previous == null) {
            longestTerm = Math.max(longestTerm, normal.split(" ").length);
            if (!normal.contains(" ") && normal.length() >= TYPO_MIN_LENGTH) {
                typoTerms.add(new String[] {normal, id});
            }
            return null;
        }
        return previous.equals(id) ? null : previous;
    }

    public String byCode(String system, String code) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        String exact = exactCodes.getOrDefault(system, Map.of()).get(normal);
        if (exact != null) {
            return exact;
        }
        for (String[] prefix : prefixCodes.getOrDefault(system, List.of())) {
            if (normal.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return null;
    }

    /** Every id the text names: whole terms anywhere in it, else single long words one typo away. */
    public Map<String, String> byText(String text) {
        List<String> tokens = normalizer.tokens(text);
        Map<String, String> found = new java.util.LinkedHashMap<>();
        for (int size = Math.min(longestTerm, tokens.size()); size >= 1; size--) {
            for (int start = 0; start + size <= tokens.size(); start++) {
                String phrase = String.join(" ", tokens.subList(start, start + size));
                String id = terms.get(phrase);
                if (id != null) {
                    found.putIfAbsent(id, phrase);
                }
            }
        }
        if (found.isEmpty()) {
            for (String token : tokens) {
                if (token.length() < TYPO_MIN_LENGTH) {
                    continue;
                }
                for (String[] term : typoTerms) {
                    if (Suggestions.distance(token, term[0], 1) <= 1) {
                        found.putIfAbsent(term[1], term[0]);
                    }
                }
            }
        }
        return found;
    }
}
