package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Canonical ids of one vocabulary (conditions, medication classes, allergens) and everything that
 * names them: codes, code prefixes, and free-text terms in any language. Built once by a
 * {@link Builder} and immutable after; a lookup is a few hash probes, plus for long words a look-up
 * of their one-typo variants ({@link TypoIndex}).
 */
public final class Lexicon {
    /** Words shorter than this are too easily confused to forgive a typo in. */
    private static final int TYPO_MIN_LENGTH = 6;

    private final TextNormalizer normalizer;
    private final Map<String, Map<String, Set<String>>> exactCodes;
    /** Per system; a prefix is the range from it to itself. */
    private final Map<String, List<CodeRange>> codeRanges;
    private final Map<String, String> terms;
    private final TypoIndex typoTerms;
    private final Set<String> ids;
    private final List<Listing> listings;
    private final int longestTerm;
    /** The first word of every term of several words: a window that starts otherwise cannot be a term. */
    private final Set<String> firstWords;
    /** Whether a word read as part of a longer term is not read again on its own. */
    private final boolean longestTermWins;

    /** Codes whose first characters lie between {@code from} and {@code to}, inclusive. */
    private record CodeRange(String from, String to, String id) {
    }

    /**
     * One way an id is named, as the rule files list it: a code of a system (for a prefix or range,
     * the first code it matches) or a free-text term. Change-impact reports screen each one alone.
     */
    public record Listing(String id, String system, String code, String term) {
    }

    private Lexicon(Builder builder) {
        normalizer = builder.normalizer;
        Map<String, Map<String, Set<String>>> codes = new HashMap<>();
        builder.exactCodes.forEach((system, byCode) -> {
            Map<String, Set<String>> frozen = new HashMap<>();
            byCode.forEach((code, named) -> frozen.put(code, Collections.unmodifiableSet(new TreeSet<>(named))));
            codes.put(system, Collections.unmodifiableMap(frozen));
        });
        exactCodes = Collections.unmodifiableMap(codes);
        Map<String, List<CodeRange>> ranges = new HashMap<>();
        builder.codeRanges.forEach((system, list) -> ranges.put(system, List.copyOf(list)));
        codeRanges = Collections.unmodifiableMap(ranges);
        terms = Map.copyOf(builder.terms);
        typoTerms = new TypoIndex(builder.typoTerms);
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(builder.ids));
        listings = List.copyOf(builder.listings);
        longestTerm = builder.longestTerm;
        firstWords = builder.terms.keySet().stream().filter(term -> term.contains(" "))
                .map(term -> term.substring(0, term.indexOf(' '))).collect(java.util.stream.Collectors.toUnmodifiableSet());
        longestTermWins = builder.longestTermWins;
    }

    /** A lexicon that reads every term in a text, nested ones too: "salmon DNA" is also salmon. */
    public static Builder builder(TextNormalizer normalizer) {
        return new Builder(normalizer, false);
    }

    /**
     * A lexicon where a word that a longer term has read is not read again on its own, for names of
     * diseases: "hay fever" is not also a fever, nor a "cold sore" a cold.
     */
    public static Builder wholeNameBuilder(TextNormalizer normalizer) {
        return new Builder(normalizer, true);
    }

    /** The canonical ids, in the order the vocabulary file lists them. */
    public Set<String> ids() {
        return ids;
    }

    /** Every code and term, in the order they were added. */
    public List<Listing> listings() {
        return listings;
    }

    /** Every id the code names (a code may belong to several, e.g. a bleeding and a platelet disorder). */
    public Set<String> byCode(String system, String code) {
        String normal = code.trim().toUpperCase(Locale.ROOT);
        Set<String> found = new TreeSet<>(exactCodes.getOrDefault(system, Map.of()).getOrDefault(normal, Set.of()));
        for (CodeRange range : codeRanges.getOrDefault(system, List.of())) {
            String head = normal.substring(0, Math.min(normal.length(), range.from().length()));
            if (head.compareTo(range.from()) >= 0 && head.compareTo(range.to()) <= 0) {
                found.add(range.id());
            }
        }
        return found;
    }

    /** Every id the text names: whole terms anywhere in it, else single long words one typo away. */
    public Map<String, String> byText(String text) {
        List<String> tokens = normalizer.tokens(text);
        Map<String, String> found = new LinkedHashMap<>();
        boolean[] read = new boolean[tokens.size()];
        for (int size = Math.min(longestTerm, tokens.size()); size >= 1; size--) {
            for (int start = 0; start + size <= tokens.size(); start++) {
                boolean possible = size == 1 || firstWords.contains(tokens.get(start));
                String phrase = possible && unread(read, start, size)
                        ? String.join(" ", tokens.subList(start, start + size)) : null;
                String id = phrase == null ? null : terms.get(phrase);
                if (id != null) {
                    found.putIfAbsent(id, phrase);
                    if (longestTermWins) {
                        java.util.Arrays.fill(read, start, start + size, true);
                    }
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

    private static boolean unread(boolean[] read, int start, int size) {
        for (int i = start; i < start + size; i++) {
            if (read[i]) {
                return false;
            }
        }
        return true;
    }

    /** Collects a vocabulary file's entries while it is read; {@link #build} freezes them. */
    public static final class Builder {
        private final TextNormalizer normalizer;
        private final Map<String, Map<String, Set<String>>> exactCodes = new HashMap<>();
        private final Map<String, List<CodeRange>> codeRanges = new HashMap<>();
        private final Map<String, String> terms = new HashMap<>();
        private final List<TypoIndex.Term> typoTerms = new ArrayList<>();
        private final Set<String> ids = new LinkedHashSet<>();
        private final List<Listing> listings = new ArrayList<>();
        private int longestTerm = 1;
        private final boolean longestTermWins;

        private Builder(TextNormalizer normalizer, boolean longestTermWins) {
            this.normalizer = normalizer;
            this.longestTermWins = longestTermWins;
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
            List<CodeRange> ranges = codeRanges.computeIfAbsent(system, s -> new ArrayList<>());
            if (normal.endsWith("*")) {
                String prefix = normal.substring(0, normal.length() - 1);
                ranges.add(new CodeRange(prefix, prefix, id));
                listings.add(new Listing(id, system, prefix, null));
            } else if (normal.matches("[A-Z0-9]{3}-[A-Z0-9]{3}")) {
                ranges.add(new CodeRange(normal.substring(0, 3), normal.substring(4), id));
                listings.add(new Listing(id, system, normal.substring(0, 3), null));
            } else {
                listings.add(new Listing(id, system, normal, null));
                exactCodes.computeIfAbsent(system, s -> new HashMap<>())
                        .computeIfAbsent(normal, c -> new TreeSet<>()).add(id);
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
                    typoTerms.add(new TypoIndex.Term(normal, id));
                }
                return null;
            }
            return previous.equals(id) ? null : previous;
        }

        public Lexicon build() {
            return new Lexicon(this);
        }
    }
}
