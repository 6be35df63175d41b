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
    /** Per system, by a code's first character: the ranges it may fall in (a prefix is the range from it to itself). */
    private final Map<String, Map<Character, List<CodeRange>>> codeRanges;
    private final TermMatcher matcher;
    private final TypoIndex typoTerms;
    private final Set<String> ids;
    private final List<Listing> listings;
    private final boolean typos;

    /**
     * Where a text names an id: words {@code start} (inclusive) to {@code end} (exclusive) of its
     * {@link TextNormalizer.Words}, the term they were read as, and how.
     */
    public record Match(String id, String term, int start, int end, How how) {
    }

    /** How words were read as a term: as written, as another form of it ("рака": рак), or one typo away. */
    public enum How { EXACT, FORM, TYPO }

    /** Codes whose first characters lie between {@code from} and {@code to}, inclusive. */
    private record CodeRange(String from, String to, String id) {
    }

    /**
     * One way an id is named, as the rule files list it: a code of a system (for a prefix or range,
     * the first code it matches) or a free-text term. Change-impact reports screen each one alone.
     */
    public record Listing(String id, String system, String code, String term, String language) {
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
        Map<String, Map<Character, List<CodeRange>>> ranges = new HashMap<>();
        builder.codeRanges.forEach((system, list) -> ranges.put(system, byFirstCharacter(list)));
        codeRanges = Collections.unmodifiableMap(ranges);
        typoTerms = new TypoIndex(builder.typoTerms);
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(builder.ids));
        listings = List.copyOf(builder.listings);
        typos = builder.typos;
        matcher = new TermMatcher(builder.terms, builder.forms.build(), builder.longestTerm, builder.longestTermWins);
    }

    /** The normaliser this lexicon's terms were brought to one form with. */
    public TextNormalizer normalizer() {
        return normalizer;
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

    /** The word forms its terms are read in (for tests of the stemmer on the loaded rules). */
    WordForms wordForms() {
        return matcher.forms().wordForms();
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
        Set<String> exact = exactCodes.getOrDefault(system, Map.of()).getOrDefault(normal, Set.of());
        // Sorted, as the exact codes' sets are; a copy only when a range adds an id to them.
        Set<String> found = exact;
        Map<Character, List<CodeRange>> bySystem = codeRanges.getOrDefault(system, Map.of());
        if (!normal.isEmpty()) {
            found = inRanges(normal, bySystem.get(normal.charAt(0)), exact, found);
        }
        found = inRanges(normal, bySystem.get(EVERY_CODE), exact, found);
        return found == exact ? exact : Collections.unmodifiableSet(found);
    }

    /** {@code found} with the ids of those of {@code ranges} the code lies in (a copy of {@code exact} at the first). */
    private static Set<String> inRanges(String code, List<CodeRange> ranges, Set<String> exact, Set<String> found) {
        for (int i = 0; ranges != null && i < ranges.size(); i++) {
            CodeRange range = ranges.get(i);
            if (inRange(code, range) && !found.contains(range.id())) {
                found = found == exact ? new TreeSet<>(exact) : found;
                found.add(range.id());
            }
        }
        return found;
    }

    /**
     * The ranges by each first character a code in them can have: a code starting before a range's first
     * character is before it, one starting after its last after it.
     */
    private static Map<Character, List<CodeRange>> byFirstCharacter(List<CodeRange> ranges) {
        Map<Character, List<CodeRange>> out = new HashMap<>();
        for (CodeRange range : ranges) {
            if (range.from().isEmpty()) {
                out.computeIfAbsent(EVERY_CODE, k -> new ArrayList<>()).add(range);
                continue;
            }
            for (char c = range.from().charAt(0); c <= range.to().charAt(0); c++) {
                out.computeIfAbsent(c, k -> new ArrayList<>()).add(range);
            }
        }
        Map<Character, List<CodeRange>> frozen = new HashMap<>();
        out.forEach((c, list) -> frozen.put(c, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    /** The key of the ranges of no characters ("*"), which hold every code. */
    private static final Character EVERY_CODE = Character.MIN_VALUE;

    /** Whether the code's first characters (as many as the range's bounds have) lie in the range. */
    private static boolean inRange(String code, CodeRange range) {
        int head = range.from().length();
        return compareHead(code, head, range.from()) >= 0 && compareHead(code, head, range.to()) <= 0;
    }

    /** The sign of the code's first {@code head} characters (all, when shorter) compared with {@code bound}, unmade. */
    private static int compareHead(String code, int head, String bound) {
        int length = Math.min(code.length(), head);
        for (int i = 0; i < Math.min(length, bound.length()); i++) {
            if (code.charAt(i) != bound.charAt(i)) {
                return code.charAt(i) - bound.charAt(i);
            }
        }
        return length - bound.length();
    }

    /** Every id the text names, with the term it was read as: as {@link #matches}, first mention of each id. */
    public Map<String, String> byText(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Match match : matches(normalizer.words(text))) {
            found.putIfAbsent(match.id(), match.term());
        }
        return found;
    }

    /**
     * Where the words name ids: whole terms anywhere in them, longest first, as written or (for languages
     * with word forms) in another form; else, when none is found, single long words one typo away.
     */
    public List<Match> matches(TextNormalizer.Words text) {
        return matches(text, stems(text));
    }

    /** The words' stems, to share with other lexicons that read the same words ({@link #matches(TextNormalizer.Words, Stems)}). */
    Stems stems(TextNormalizer.Words text) {
        return new Stems(matcher.forms().wordForms(), text.tokens());
    }

    /**
     * {@link #matches(TextNormalizer.Words)}, with the words' stems worked out (or not yet) for another lexicon: a
     * new list, the caller's to change.
     */
    List<Match> matches(TextNormalizer.Words text, Stems stems) {
        List<String> tokens = text.tokens();
        List<Match> found = matcher.matches(tokens, stems.by(matcher.forms().wordForms()) ? stems : stems(text));
        if (found.isEmpty() && typos) {
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (token.length() < TYPO_MIN_LENGTH) {
                    continue;
                }
                int at = i;
                typoTerms.near(token, (id, term) -> found.add(new Match(id, term, at, at + 1, How.TYPO)));
            }
        }
        return found;
    }

    /** How its terms are found in words (for tests of the matcher on the loaded rules). */
    TermMatcher matcher() {
        return matcher;
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
        private boolean typos = true;
        private final FormIndex.Builder forms = new FormIndex.Builder();

        private Builder(TextNormalizer normalizer, boolean longestTermWins) {
            this.normalizer = normalizer;
            this.longestTermWins = longestTermWins;
        }

        /** Terms of the languages these word forms know are also read in their other forms. */
        public Builder wordForms(WordForms wordForms) {
            forms.wordForms(wordForms);
            return this;
        }

        /** Words are read as written (or in another form), never as a typo of a term: for short cue words. */
        public Builder exactOnly() {
            this.typos = false;
            return this;
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
                listings.add(new Listing(id, system, prefix, null, null));
            } else if (normal.matches("[A-Z0-9]{3}-[A-Z0-9]{3}")) {
                ranges.add(new CodeRange(normal.substring(0, 3), normal.substring(4), id));
                listings.add(new Listing(id, system, normal.substring(0, 3), null, null));
            } else {
                listings.add(new Listing(id, system, normal, null, null));
                exactCodes.computeIfAbsent(system, s -> new HashMap<>())
                        .computeIfAbsent(normal, c -> new TreeSet<>()).add(id);
            }
        }

        /** Adds a term; returns the id it already named, if another one, so the loader can report the clash. */
        public String addTerm(String id, String term) {
            return addTerm(id, term, null);
        }

        /**
         * Adds a term of a language; in a language with word forms, its other forms too. Returns the id the
         * term already named, if another one, so the loader can report the clash.
         */
        public String addTerm(String id, String term, String language) {
            String normal = normalizer.normalize(term);
            listings.add(new Listing(id, null, null, term, language));
            forms.add(normal, language);
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
