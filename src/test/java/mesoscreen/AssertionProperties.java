package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import mesoscreen.intake.Intake;
import mesoscreen.rules.Finding;
import mesoscreen.screening.Eligibility;
import mesoscreen.screening.Screening;
import mesoscreen.vocabulary.Asserter;
import mesoscreen.vocabulary.Lexicon;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Properties of assertion generated from the vocabulary itself, like FailClosedProperties: every term of every
 * lexicon, with every negation and someone-else cue of its language, and every way an entry can say "nothing".
 * The cue-by-term checks are exhaustive (a few hundred thousand readings, about a second); the checks through
 * the whole engine sample them with jqwik.
 */
class AssertionProperties {
    private static final Asserter ASSERTER = Intakes.RULES.vocabulary().asserter();
    /** A word that ends a clause, per language. */
    private static final Map<String, String> BUT = Map.of("en", "but", "ru", "но", "tr", "ama");

    /** A term of a lexicon, in its language, and the id it names. */
    record Term(String list, String language, String text, String id) {
    }

    /** A term said with a cue of its language, in each position the cue reaches from. */
    record Said(Term term, String text, Asserter.Kind kind) {
    }

    static List<Term> terms() {
        List<Term> out = new ArrayList<>();
        for (String list : List.of("conditions", "medications", "allergies")) {
            for (Lexicon.Listing listing : AssertionCorpusTest.lexicon(list).listings()) {
                if (listing.term() != null) {
                    out.add(new Term(list, listing.language(), listing.term(), listing.id()));
                }
            }
        }
        return out;
    }

    /** The term with every negation and someone-else cue of its language, on each side the cue reaches from. */
    static List<Said> said(Term term) {
        List<Said> out = new ArrayList<>();
        for (Asserter.Listed cue : ASSERTER.listings()) {
            Asserter.Kind kind = cue.cue().kind();
            if ((kind != Asserter.Kind.NEGATED && kind != Asserter.Kind.SOMEONE_ELSE) || !term.language().equals(cue.language())) {
                continue;
            }
            if (cue.cue().side() != Asserter.Side.AFTER) {
                out.add(new Said(term, cue.term() + " " + term.text(), kind));
            }
            if (cue.cue().side() != Asserter.Side.BEFORE) {
                out.add(new Said(term, term.text() + " " + cue.term(), kind));
            }
        }
        return out;
    }

    private static Set<String> counted(String list, String text) {
        Set<String> out = new TreeSet<>();
        ASSERTER.read(text, AssertionCorpusTest.lexicon(list), 2026).reads().stream().filter(Asserter.Read::counts)
                .forEach(r -> out.add(r.id()));
        return out;
    }

    @Test
    void everyTermFiresAloneNotNegatedNorAsSomeoneElsesAndStillFiresBeforeButNoOther() {
        List<String> faults = new ArrayList<>();
        List<Term> terms = terms();
        int checked = 0;
        for (Term term : terms) {
            if (!counted(term.list(), term.text()).contains(term.id())) {
                faults.add("'" + term.text() + "' alone does not count as " + term.id());
            }
            for (Said said : said(term)) {
                checked++;
                if (counted(term.list(), said.text()).contains(term.id())) {
                    faults.add("'" + said.text() + "' counts as " + term.id() + " (" + said.kind() + ")");
                }
            }
            Term other = terms.stream().filter(t -> t.list().equals(term.list()) && t.language().equals(term.language())
                    && !t.id().equals(term.id())).skip(Math.abs(term.text().hashCode()) % 7).findFirst().orElseThrow();
            for (Said negated : said(other)) {
                if (negated.kind() != Asserter.Kind.NEGATED) {
                    continue;
                }
                String text = term.text() + " " + BUT.get(term.language()) + " " + negated.text();
                checked++;
                if (!counted(term.list(), text).contains(term.id())) {
                    faults.add("'" + text + "' does not count as " + term.id());
                }
            }
        }
        assertTrue(checked > 50_000, "checked " + checked);
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "assertion-faults.txt"), faults);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(List.of(), faults.subList(0, Math.min(30, faults.size())), faults.size() + " faults");
    }

    // ---- through the whole engine ----------------------------------------------------------------------

    @Provide
    Arbitrary<Said> negatedOrSomeoneElses() {
        return Arbitraries.of(terms().stream().flatMap(t -> said(t).stream()).toList());
    }

    /** A negated or someone else's term fires no rule, is not unrecognised, and is shown as set aside. */
    @Property(tries = 400)
    void aNegatedOrSomeoneElsesEntryFiresNothingAndIsShown(@ForAll("negatedOrSomeoneElses") Said said) {
        Screening screening = Engine.screen(AssertionCorpusTest.intake(said.term().list(), said.text()));
        assertEquals(Eligibility.ELIGIBLE, screening.verdict().eligibility(), said::toString);
        assertEquals(List.of(), screening.unrecognized(), said::toString);
        assertTrue(screening.setAside().stream().anyMatch(f -> said.term().id().equals(f.matched())), said::toString);
    }

    @Provide
    Arbitrary<String> nothings() {
        List<String> out = new ArrayList<>(ASSERTER.nothingSymbols());
        List<Asserter.Listed> cues = ASSERTER.listings();
        for (Asserter.Listed cue : cues) {
            if (cue.cue().kind() == Asserter.Kind.NOTHING) {
                out.add(cue.term());
            }
            if (cue.cue().kind() == Asserter.Kind.NEGATED) {
                out.add(cue.term());
                for (Asserter.Listed filler : cues) {
                    if (filler.cue().kind() == Asserter.Kind.FILLER && filler.language().equals(cue.language())) {
                        out.add(cue.cue().side() == Asserter.Side.AFTER ? filler.term() + " " + cue.term()
                                : cue.term() + " " + filler.term());
                    }
                }
            }
        }
        return Arbitraries.of(out);
    }

    @Provide
    Arbitrary<Intake> intakes() {
        return IntakeArbitraries.intakes();
    }

    @Provide
    Arbitrary<String> lists() {
        return Arbitraries.of("conditions", "medications", "allergies");
    }

    /** An entry saying nothing adds no finding, no precaution and no unrecognised entry, to any intake. */
    @Property(tries = 1000)
    void aNothingEntryAddsNoFindingPrecautionOrUnrecognisedEntry(@ForAll("intakes") Intake intake,
                                                                @ForAll("nothings") String nothing,
                                                                @ForAll("lists") String list) {
        Intake after = IntakeArbitraries.edit(intake, e -> {
            switch (list) {
                case "conditions" -> e.conditions.add(new Intake.Entry(null, null, nothing));
                case "medications" -> e.medications.add(new Intake.Medication(null, null, nothing, null));
                default -> e.allergies.add(new Intake.Entry(null, null, nothing));
            }
        });
        Screening before = Engine.screen(intake);
        Screening now = Engine.screen(after);
        Function<Screening, List<String>> findings = s -> {
            List<String> out = new ArrayList<>();
            s.verdict().contraindications().stream().map(Finding::rule).forEach(r -> out.add(r.id()));
            s.verdict().precautions().forEach(f -> out.add(f.rule().id() + ":" + f.truth()));
            return out;
        };
        assertEquals(before.verdict().eligibility(), now.verdict().eligibility(), () -> list + ": '" + nothing + "'");
        assertEquals(findings.apply(before), findings.apply(now), () -> list + ": '" + nothing + "'");
        assertEquals(before.unrecognized(), now.unrecognized(), () -> list + ": '" + nothing + "'");
    }
}
