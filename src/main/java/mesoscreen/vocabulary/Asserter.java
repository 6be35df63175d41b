package mesoscreen.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what an entry says about the concepts it names, NegEx/ConText style, with the cues of
 * {@code vocabulary/assertion.yaml}: a cue reaches a concept before or after it within its clause (a
 * clause ends at a termination word such as "but", "но", "ama", or at punctuation that ends a clause)
 * and at most {@code reach} words away. Compiled once into a cue {@link Lexicon} (so cues are read in
 * every word form, like terms), evaluated per entry with a few hash probes and no regular expression.
 *
 * <p>Fail closed: a cue that would lift a finding reaches only within its clause, a current cue (which
 * only ever makes a reading stricter) the whole entry; an uncertain cue beats a negation; where the same
 * concept is both counted and not, it is counted.
 */
public final class Asserter {
    /** The cue of a year before this one. */
    private static final Cue YEAR = new Cue(Kind.PAST, Side.EITHER);

    /** An asserter with no cues: everything is affirmed, nothing is "nothing". */
    public static final Asserter NONE = new Asserter(Lexicon.wholeNameBuilder(new TextNormalizer(Set.of())).build(),
            Map.of(), 0, Set.of(), new Meaning(Map.of(), Set.of(), Map.of(), Set.of()));

    /** What a cue does: its dimension, or ending a clause ({@link Kind#END}), or a word of an entry meaning nothing. */
    public enum Kind {
        NEGATED, SOMEONE_ELSE, CURRENT, PAST, UNCERTAIN, FUTURE,
        /** Ends the clause: "but", "но", "ama". */
        END,
        /** On its own, says there is none: "nothing", "nkda", "kullanmıyorum". */
        NOTHING,
        /** Says nothing by itself, but may stand in an entry meaning nothing: "any", "medications", "принимаю". */
        FILLER;

        /** Whether it says how a concept is meant, rather than where a clause ends or that there is none. */
        public boolean dimension() {
            return ordinal() < END.ordinal();
        }
    }

    /** On which side of a concept a cue reaches it. */
    public enum Side { BEFORE, AFTER, EITHER }

    /** A cue's kind and side, as its id in the cue lexicon names them ("negated/before"). */
    public record Cue(Kind kind, Side side) {
        public String id() {
            return kind.name() + "/" + side.name();
        }
    }

    /**
     * What a concept's reading means for some concepts.
     *
     * @param activeForm   a concept said to be now is also its active form (a cold sore now: an outbreak)
     * @param presentOnly  concepts about the present, which a past cue lifts
     * @param remains      what remains of a present-only concept that is over (an outbreak: a history of cold sores)
     * @param futureCounts concepts a future cue does not lift (trying to conceive is a possible pregnancy)
     */
    public record Meaning(Map<String, String> activeForm, Set<String> presentOnly, Map<String, String> remains,
                          Set<String> futureCounts) {
        public Meaning {
            activeForm = Map.copyOf(activeForm);
            presentOnly = Set.copyOf(presentOnly);
            remains = Map.copyOf(remains);
            futureCounts = Set.copyOf(futureCounts);
        }
    }

    /**
     * One concept of an entry and how it was read.
     *
     * @param cue    the cue's words as read, null for an affirmed concept
     * @param counts whether the rules see it
     */
    public record Read(String id, Lexicon.Match match, Assertion assertion, String cue, boolean counts) {
    }

    /**
     * What an entry says: nothing at all ({@code nothing}, with the cue), or its concepts, each read. Neither
     * means no vocabulary reads it.
     */
    public record Entry(boolean nothing, String cue, List<Read> reads) {
        static final Entry UNREAD = new Entry(false, null, List.of());

        public boolean unread() {
            return !nothing && reads.isEmpty();
        }
    }

    private final Lexicon cues;
    private final Map<String, Cue> byId;
    private final int reach;
    private final Set<String> nothingSymbols;
    /** The longest of them: a longer entry is not one, and is not lower-cased to be looked up. */
    private final int longestSymbol;
    private final Meaning meaning;

    public Asserter(Lexicon cues, Map<String, Cue> byId, int reach, Set<String> nothingSymbols, Meaning meaning) {
        this.cues = cues;
        Map<String, Cue> all = new HashMap<>(byId);
        all.put(YEAR.id(), YEAR);
        this.byId = Map.copyOf(all);
        this.reach = reach;
        this.nothingSymbols = Set.copyOf(nothingSymbols);
        this.longestSymbol = nothingSymbols.stream().mapToInt(String::length).max().orElse(0);
        this.meaning = meaning;
    }

    public Meaning meaning() {
        return meaning;
    }

    /** Whole entries of symbols that mean none ("-", "n/a"), lower case. */
    public Set<String> nothingSymbols() {
        return nothingSymbols;
    }

    /** The cue lexicon: its ids are {@link Cue#id()}s. */
    public Lexicon cues() {
        return cues;
    }

    public Cue cue(String id) {
        return byId.get(id);
    }

    /** What {@code text} says of the concepts {@code concepts} names in it. */
    public Entry read(String text, Lexicon concepts, int thisYear) {
        String bare = text.strip();
        if (bare.length() <= longestSymbol && nothingSymbols.contains(bare.toLowerCase(java.util.Locale.ROOT))) {
            return new Entry(true, bare, List.of());
        }
        TextNormalizer.Words words = concepts.normalizer().words(text);
        Stems stems = concepts.stems(words); // each word stemmed once, for concepts and cues alike
        List<Lexicon.Match> named = concepts.matches(words, stems); // fresh lists of their own, changed below
        List<Lexicon.Match> said = cues.matches(words, stems);
        // Cue words read as written are not a concept read in another form or as a typo ("ранее" is no "рана").
        named.removeIf(n -> n.how() != Lexicon.How.EXACT && withinCue(n, said));
        said.removeIf(c -> overlapsAny(c, named));
        for (TextNormalizer.Year year : words.years()) {
            if (year.value() < thisYear) {
                // A year gone by is a past cue, standing between words and reaching either way.
                said.add(new Lexicon.Match(YEAR.id(), String.valueOf(year.value()), year.before(), year.before(),
                        Lexicon.How.EXACT));
            }
        }
        if (named.isEmpty()) {
            return nothing(words, said);
        }
        int[] clause = clauses(words, said);
        List<Read> reads = new ArrayList<>();
        for (Lexicon.Match concept : named) {
            read(concept, said, clause, reads);
        }
        if (anySetAside(reads)) {
            Set<String> counted = new HashSet<>();
            for (Read each : reads) {
                if (each.counts()) {
                    counted.add(each.id());
                }
            }
            // Affirmed wins: a concept both counted and not in one entry is counted.
            reads.removeIf(r -> !r.counts() && counted.contains(r.id()));
        }
        return new Entry(false, null, List.copyOf(reads));
    }

    /** An entry of cue words only, one of them saying "none", and no concept, means nothing. */
    private Entry nothing(TextNormalizer.Words words, List<Lexicon.Match> said) {
        int covered = 0;
        Lexicon.Match none = null;
        for (Lexicon.Match cue : said) {
            covered += cue.end() - cue.start();
            Kind kind = byId.get(cue.id()).kind();
            if (none == null && (kind == Kind.NOTHING || kind == Kind.NEGATED)) {
                none = cue;
            }
        }
        boolean nothing = none != null && covered == words.tokens().size();
        return nothing ? new Entry(true, none.term(), List.of()) : Entry.UNREAD;
    }

    /** The clause of each word: a new one after a clause break or an ending cue (whose own words belong to none). */
    private int[] clauses(TextNormalizer.Words words, List<Lexicon.Match> said) {
        int[] clause = new int[words.tokens().size()];
        boolean[] ends = new boolean[clause.length];
        for (Lexicon.Match cue : said) {
            if (byId.get(cue.id()).kind() == Kind.END) {
                java.util.Arrays.fill(ends, cue.start(), cue.end(), true);
            }
        }
        int current = 0;
        for (int i = 0; i < clause.length; i++) {
            if (words.breakBefore(i) || ends[i] || (i > 0 && ends[i - 1])) {
                current++;
            }
            clause[i] = ends[i] ? -1 : current;
        }
        return clause;
    }

    private void read(Lexicon.Match concept, List<Lexicon.Match> said, int[] clause, List<Read> reads) {
        Map<Kind, String> found = new java.util.EnumMap<>(Kind.class);
        for (Lexicon.Match match : said) {
            Cue cue = byId.get(match.id());
            int at = match.start() < clause.length ? match.start() : clause.length - 1;
            if (match.start() == match.end() && match.start() > 0) {
                at = match.start() - 1; // a year belongs with the word before it: "flu 2019, fine now"
            }
            if (!cue.kind().dimension()) {
                continue;
            }
            if (cue.kind() == Kind.CURRENT) {
                // Only ever stricter, so it reaches the whole entry: "cold sore on my lip, came up yesterday".
                found.putIfAbsent(cue.kind(), match.term());
                continue;
            }
            // A term may hold a comma ("плазма, обогащённая тромбоцитами"): a cue is in the clause of its nearer end.
            boolean before = match.end() <= concept.start() && cue.side() != Side.AFTER
                    && concept.start() - match.end() <= reach && clause[at] == clause[concept.start()];
            boolean after = match.start() >= concept.end() && cue.side() != Side.BEFORE
                    && match.start() - concept.end() <= reach && clause[at] == clause[concept.end() - 1];
            if (before || after) {
                found.putIfAbsent(cue.kind(), match.term());
            }
        }
        String id = concept.id();
        if (found.containsKey(Kind.SOMEONE_ELSE)) {
            reads.add(new Read(id, concept, Assertion.SOMEONE_ELSE, found.get(Kind.SOMEONE_ELSE), false));
        } else if (found.containsKey(Kind.UNCERTAIN)) {
            reads.add(new Read(id, concept, Assertion.UNCERTAIN, found.get(Kind.UNCERTAIN), true));
        } else if (found.containsKey(Kind.NEGATED)) {
            reads.add(new Read(id, concept, Assertion.NEGATED, found.get(Kind.NEGATED), false));
        } else if (found.containsKey(Kind.FUTURE)) {
            // Only what is about the present can wait for later: "will continue warfarin" or "want to stop
            // warfarin" is warfarin now, and a chronic disease "if I get it" is read as one, failing closed.
            boolean lifted = meaning.presentOnly().contains(id) && !meaning.futureCounts().contains(id);
            reads.add(new Read(id, concept, Assertion.FUTURE, found.get(Kind.FUTURE), !lifted));
        } else if (found.containsKey(Kind.CURRENT)) {
            String cue = found.get(Kind.CURRENT);
            reads.add(new Read(id, concept, Assertion.CURRENT, cue, true));
            String active = meaning.activeForm().get(id);
            if (active != null) {
                reads.add(new Read(active, concept, Assertion.CURRENT, cue, true));
            }
        } else if (found.containsKey(Kind.PAST)) {
            String cue = found.get(Kind.PAST);
            boolean lifted = meaning.presentOnly().contains(id);
            reads.add(new Read(id, concept, Assertion.PAST, cue, !lifted));
            String remains = lifted ? meaning.remains().get(id) : null;
            if (remains != null) {
                reads.add(new Read(remains, concept, Assertion.PAST, cue, true));
            }
        } else {
            reads.add(new Read(id, concept, Assertion.AFFIRMED, null, true));
        }
    }

    private static boolean anySetAside(List<Read> reads) {
        for (Read each : reads) {
            if (!each.counts()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the concept's words lie within a cue's that is more than a filler. */
    private boolean withinCue(Lexicon.Match concept, List<Lexicon.Match> said) {
        for (Lexicon.Match cue : said) {
            if (cue.start() <= concept.start() && concept.end() <= cue.end() && byId.get(cue.id()).kind() != Kind.FILLER) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(Lexicon.Match cue, List<Lexicon.Match> named) {
        for (Lexicon.Match concept : named) {
            if (concept.start() < cue.end() && cue.start() < concept.end()) {
                return true;
            }
        }
        return false;
    }

    /** A cue as the rule file lists it. */
    public record Listed(Cue cue, String language, String term) {
    }

    /** Every cue, for tests and reports generated from the vocabulary. */
    public List<Listed> listings() {
        return cues.listings().stream().map(l -> new Listed(byId.get(l.id()), l.language(), l.term())).toList();
    }

    static Map<String, Cue> index(List<Cue> cues) {
        Map<String, Cue> out = new HashMap<>();
        cues.forEach(cue -> out.put(cue.id(), cue));
        return out;
    }
}
