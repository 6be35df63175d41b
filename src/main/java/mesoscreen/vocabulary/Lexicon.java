package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mesoscreen.text.Suggestions;

/**
 * Canonical ids of one vocabulary (conditions, medication classes, allergens) and everything that
 * names them: codes, code prefixes, and free-text terms in any language. Built once at start-up;
 * a lookup is a few hash probes, plus for long words a look-up of their one-typo variants.
 */
public final class Lexicon {
    /** Words shorter than this are too easily confused to forgive a typo in. */
    private static final int TYPO_MIN_LENGTH = 6;

    private final TextNormalizer normalizer;
    private final Map<String, Map<String, Set<String>>> exactCodes = new HashMap<>();
    /** Per system: {from, to, id}; a prefix is the range from it to itself. */
    private final Map<String, List<String[]>> codeRanges = new HashMap<>();
    private final Map<String, String> terms = new HashMap<>();
    private final TypoIndex typoTerms = new TypoIndex();
    private final Set<String> ids = new LinkedHashSet<>();
    private final List<Listing> listings = new ArrayList<>();
    private int longestTerm = 1;

    public Lexicon(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public Set<String> ids() {
        return ids;
    }

    /**
     * One way an id is named, as the rule files list it: a code of a system (for a prefix or range,
     * the first code it matches) or a free-text term. Change-impact reports screen each one alone.
     */
    public record Listing(String id, String system, String code, String term) {
    }

    /** Every code and term, in the order they were added. */
    public List<Listing> listings() {
        return List.copyOf(listings);
    }

    public void addId(String id) {
        ids.add(id);
    }

    /**
     * Adds a code of {@code system} (an alias). A code ending in '*' matches every code it starts;
     * {@code C00-C97} matches every code whose first three characters are in that range.
     */
    public void addCode(String id, String system, String code) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        List<String[]> ranges = codeRanges.computeIfAbsent(system, s -> new ArrayList<>());
        if (normal.endsWith("*")) {
            String prefix = normal.substring(0, normal.length() - 1);
            ranges.add(new String[] {prefix, prefix, id});
            listings.add(new Listing(id, system, prefix, null));
        } else if (normal.matches("[A-Z0-9]{3}-[A-Z0-9]{3}")) {
            ranges.add(new String[] {normal.substring(0, 3), normal.substring(4), id});
            listings.add(new Listing(id, system, normal.substring(0, 3), null));
        } else {
            listings.add(new Listing(id, system, normal, null));
            exactCodes.computeIfAbsent(system, s -> new HashMap<>())
                    .computeIfAbsent(normal, c -> new java.util.TreeSet<>()).add(id);
        }
    }

    /** Adds a term; returns the id it already named, if another one, so the loader can report the clash. */
    public String addTerm(String id, String term) {
        String normal = normalizer.normalize(term);
        listings.add(new Listing(id, null, null, term));
        String previous = terms.putIfAbsent(normal, id);
        if (previous == null) {
            longestTerm = Math.max(longestTerm, normal.split(" ").length);
            if (!normal.contains(" ") && normal.length() >= TYPO_MIN_LENGTH) {
                typoTerms.add(normal, id);
            }
            return null;
        }
        return previous.equals(id) ? null : previous;
    }

    /** Every id the code names (a code may belong to several, e.g. a bleeding and a platelet disorder). */
    public Set<String> byCode(String system, String code) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        Set<String> ids = new java.util.TreeSet<>(exactCodes.getOrDefault(system, Map.of()).getOrDefault(normal, Set.of()));
        for (String[] range : codeRanges.getOrDefault(system, List.of())) {
            String head = normal.substring(0, Math.min(normal.length(), range[0].length()));
            if (head.compareTo(range[0]) >= 0 && head.compareTo(range[1]) <= 0) {
                ids.add(range[2]);
            }
        }
        return ids;
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
                typoTerms.near(token, found::putIfAbsent);
            }
        }
        return found;
    }
}
