package mesoscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.rules.RuleSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid intakes over the whole vocabulary of the bundled rules: every question, every
 * free-text term and code of conditions, medications and allergens (read from the same YAML files the
 * service loads), strings no vocabulary reads, every procedure type, concern, area and procedure.
 * Shared by the properties (FailClosedProperties) and the HTTP fuzz (HostileInputTest).
 */
final class IntakeArbitraries {
    static final RuleSet RULES = Intakes.RULES;
    /** Every generated intake is planned for this day, so that dates around it mean something. */
    static final LocalDate PLANNED = LocalDate.of(2026, 12, 1);

    /** Free-text terms and codes of one vocabulary, as a request may name them. */
    record Terms(List<String> texts, List<Intake.Entry> codes) {
    }

    static final Terms CONDITIONS = terms("conditions.yaml");
    static final Terms MEDICATIONS = terms("medications.yaml");
    /** Allergies are read against allergens and the ingredients of the procedures. */
    static final Terms ALLERGIES = merge(terms("allergens.yaml"), terms("ingredients.yaml"));

    /** Text that no vocabulary reads: it must come back in {@code unrecognized}, never be dropped. */
    static final List<String> UNRECOGNISABLE = List.of("Zzyxolam 10 mg", "qwrtplk", "непонятное лекарство",
            "bilinmeyen ilaç", "20 mg", "\u200B", "Xq", "??", "vvvvvvvvvvvvvvvvvvvv");
    /** Codes in systems we read that name nothing, and a system we do not read. */
    static final List<Intake.Entry> UNKNOWN_CODES = List.of(new Intake.Entry("icd-10", "Q99.9", null),
            new Intake.Entry("atc", "A01AA01", null), new Intake.Entry("snomed", "1234567", null),
            new Intake.Entry("rxnorm", "999999999", null), new Intake.Entry("urn:oid:2.16.840.1.113883.6.73", "B01AA03", null));
    /** The FHIR system URI of each alias the contract accepts. */
    static final Map<String, String> SYSTEM_URIS = Map.of("icd-10", "http://hl7.org/fhir/sid/icd-10",
            "snomed", "http://snomed.info/sct", "atc", "http://www.whocc.no/atc",
            "rxnorm", "http://www.nlm.nih.gov/research/umls/rxnorm");

    private IntakeArbitraries() {
    }

    /**
     * A valid intake: any answers, patient, entries, concerns, areas and procedure, planned for {@link #PLANNED}.
     * Half of them are nearly healthy, so that verdicts near eligibility, where a single change matters
     * most, are common.
     */
    static Arbitrary<Intake> intakes() {
        return Arbitraries.frequencyOf(Tuple.of(1, intakes(patients(), answers(), 8)),
                Tuple.of(1, intakes(adults(), nearlyAllNo(), 20)));
    }

    /** Intakes of these patients and answers, with lists as {@link #entries(Arbitrary, int)} makes them. */
    private static Arbitrary<Intake> intakes(Arbitrary<Intake.Patient> patients, Arbitrary<Map<String, Answer>> answers,
                                             int emptyOdds) {
        Arbitrary<Intake> people = Combinators.combine(patients, answers, entries(conditionEntries(), emptyOdds),
                        entries(medicationEntries(), emptyOdds), entries(allergyEntries(), emptyOdds))
                .as((patient, given, conditions, medications, allergies) -> new Intake(null, PLANNED, patient, given,
                        conditions, medications, allergies, null, null, null));
        return Combinators.combine(people, procedures(), ids(RULES.vocabulary().concerns().keySet()),
                        ids(RULES.vocabulary().areas().keySet()), entries(recentProcedures(), emptyOdds))
                .as((i, procedure, concerns, areas, recent) -> new Intake(procedure, i.plannedDate(), i.patient(),
                        i.answers(), i.conditions(), i.medications(), i.allergies(), concerns, areas, recent));
    }

    /** Intakes with several entries in their lists, for the properties about list order. */
    static Arbitrary<Intake> crowdedIntakes() {
        return Combinators.combine(intakes(), several(conditionEntries()), several(medicationEntries()),
                        several(allergyEntries()),
                        Arbitraries.of(RULES.vocabulary().concerns().keySet()).list().ofMinSize(2).ofMaxSize(4),
                        Arbitraries.of(RULES.vocabulary().areas().keySet()).list().ofMinSize(2).ofMaxSize(4),
                        recentProcedures().list().ofMinSize(2).ofMaxSize(5))
                .as((i, conditions, medications, allergies, concerns, areas, recent) -> edit(i, e -> {
                    e.conditions.addAll(conditions);
                    e.medications.addAll(medications);
                    e.allergies.addAll(allergies);
                    e.concerns.addAll(concerns);
                    e.areas.addAll(areas);
                    e.recentProcedures.addAll(recent);
                }));
    }

    /** No procedure (the service suggests one), or any of the catalogue. */
    static Arbitrary<String> procedures() {
        return Arbitraries.of(RULES.procedures().keySet()).injectNull(0.3);
    }

    /** An adult of any sex who gave an age. */
    static Arbitrary<Intake.Patient> adults() {
        return Combinators.combine(Arbitraries.integers().between(18, 80), Arbitraries.of(Sex.values()))
                .as((age, sex) -> new Intake.Patient(age, null, sex));
    }

    /** Absent, or an age 0..100 or a birth date, and a sex, each of which may be absent. */
    static Arbitrary<Intake.Patient> patients() {
        // Mostly adults, so that a single change can clear or stop a patient; children and no age as well.
        Arbitrary<Integer> ages = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(18, 100)),
                Tuple.of(1, Arbitraries.integers().between(0, 17))).injectNull(0.1);
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 36_000)
                .map(days -> LocalDate.of(2024, 12, 31).minusDays(days)).injectNull(0.7);
        Arbitrary<Sex> sexes = Arbitraries.of(Sex.values()).injectNull(0.1);
        return Combinators.combine(ages, births, sexes)
                .as((age, birth, sex) -> new Intake.Patient(age, age == null ? birth : null, sex))
                .injectNull(0.05);
    }

    /** The state of one question: absent from the map, or one of the three answers. */
    enum Given { ABSENT, YES, NO, UNKNOWN }

    /**
     * Answers to every question. Most intakes answer nearly everything "no" (so that eligible verdicts are
     * common and a single change can matter); some leave most unanswered; some are uniformly random.
     */
    static Arbitrary<Map<String, Answer>> answers() {
        List<String> questions = List.copyOf(RULES.questions().keySet());
        Arbitrary<Given> mostlyNo = Arbitraries.frequency(Tuple.of(97, Given.NO), Tuple.of(1, Given.YES),
                Tuple.of(1, Given.UNKNOWN), Tuple.of(1, Given.ABSENT));
        Arbitrary<Given> sparse = Arbitraries.frequency(Tuple.of(70, Given.ABSENT), Tuple.of(15, Given.NO),
                Tuple.of(5, Given.YES), Tuple.of(10, Given.UNKNOWN));
        Arbitrary<Given> uniform = Arbitraries.of(Given.values());
        return Arbitraries.frequencyOf(Tuple.of(6, mostlyNo), Tuple.of(1, sparse), Tuple.of(1, uniform))
                .list().ofSize(questions.size()).map(states -> {
                    Map<String, Answer> out = new LinkedHashMap<>();
                    for (int i = 0; i < questions.size(); i++) {
                        switch (states.get(i)) {
                            case YES -> out.put(questions.get(i), Answer.YES);
                            case NO -> out.put(questions.get(i), Answer.NO);
                            case UNKNOWN -> out.put(questions.get(i), Answer.UNKNOWN);
                            case ABSENT -> { }
                        }
                    }
                    return out;
                });
    }

    /** Every question answered "no", but one that may be anything (absent, yes, no, unknown). */
    static Arbitrary<Map<String, Answer>> nearlyAllNo() {
        return Combinators.combine(Arbitraries.of(RULES.questions().keySet()), Arbitraries.of(Given.values()))
                .as((odd, given) -> {
                    Map<String, Answer> out = new LinkedHashMap<>();
                    RULES.questions().keySet().forEach(q -> out.put(q, Answer.NO));
                    switch (given) {
                        case YES -> out.put(odd, Answer.YES);
                        case UNKNOWN -> out.put(odd, Answer.UNKNOWN);
                        case ABSENT -> out.remove(odd);
                        case NO -> { }
                    }
                    return out;
                });
    }

    static Arbitrary<Intake.Entry> conditionEntries() {
        return entry(CONDITIONS);
    }

    static Arbitrary<Intake.Entry> allergyEntries() {
        return entry(ALLERGIES);
    }

    /** A medication taken now, or stopped on a day up to 400 days before (or a little after) the planned date. */
    static Arbitrary<Intake.Medication> medicationEntries() {
        Arbitrary<LocalDate> stopped = Arbitraries.integers().between(-400, 30).map(PLANNED::plusDays).injectNull(0.6);
        return Combinators.combine(entry(MEDICATIONS), stopped)
                .as((e, date) -> new Intake.Medication(e.system(), e.code(), e.text(), date));
    }

    /** A procedure of any type, done up to 60 days before the planned date or planned up to 10 days after it. */
    static Arbitrary<Intake.RecentProcedure> recentProcedures() {
        return Combinators.combine(Arbitraries.of(RULES.vocabulary().procedureTypes().keySet()),
                        Arbitraries.integers().between(-60, 10).map(PLANNED::plusDays))
                .as(Intake.RecentProcedure::new);
    }

    /** No entries {@code emptyOdds} times in {@code emptyOdds + 2} (most named things stand in the way); else one to three. */
    static <T> Arbitrary<List<T>> entries(Arbitrary<T> entry, int emptyOdds) {
        return Arbitraries.frequencyOf(Tuple.of(emptyOdds, Arbitraries.just(List.<T>of())),
                Tuple.of(2, entry.list().ofMinSize(1).ofMaxSize(3)));
    }

    /** Two to five entries, or (for a patient who may still be eligible) none. */
    private static <T> Arbitrary<List<T>> several(Arbitrary<T> entry) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.<T>of())),
                Tuple.of(1, entry.list().ofMinSize(2).ofMaxSize(5)));
    }

    /** Up to two ids of a closed list (concerns, areas); mostly none. */
    static Arbitrary<List<String>> ids(java.util.Collection<String> known) {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.of(known).list().ofMinSize(1).ofMaxSize(2).uniqueElements()));
    }

    /**
     * An entry as a request may give it: a term of the vocabulary as typed (any case, with a dose), a code
     * by alias or by FHIR system URI, both, or something no vocabulary reads.
     */
    static Arbitrary<Intake.Entry> entry(Terms terms) {
        Arbitrary<String> typed = Combinators.combine(Arbitraries.of(terms.texts()),
                        Arbitraries.of("%s", "%S", "%s 20 mg", "Tab. %s", "taking %s daily"))
                .as((term, form) -> String.format(java.util.Locale.ROOT, form, term));
        Arbitrary<Intake.Entry> text = typed.map(t -> new Intake.Entry(null, null, t));
        Arbitrary<Intake.Entry> coded = Combinators.combine(Arbitraries.of(terms.codes()), Arbitraries.of(true, false))
                .as((c, uri) -> new Intake.Entry(uri ? SYSTEM_URIS.get(c.system()) : c.system(), c.code(), null));
        Arbitrary<Intake.Entry> both = Combinators.combine(coded, typed)
                .as((c, t) -> new Intake.Entry(c.system(), c.code(), t));
        Arbitrary<Intake.Entry> unknown = Arbitraries.oneOf(
                Arbitraries.of(UNRECOGNISABLE).map(t -> new Intake.Entry(null, null, t)),
                Arbitraries.of(UNKNOWN_CODES));
        return terms.codes().isEmpty()
                ? Arbitraries.frequencyOf(Tuple.of(6, text), Tuple.of(2, unknown))
                : Arbitraries.frequencyOf(Tuple.of(5, text), Tuple.of(3, coded), Tuple.of(1, both), Tuple.of(2, unknown));
    }

    // ---- editing an intake (records are immutable) ---------------------------------------------------

    /** A copy of {@code intake} with {@code change} applied to mutable copies of its parts. */
    /** The same intake with every list, and the answers, in another order. */
    static Intake shuffled(Intake intake, java.util.Random random) {
        return edit(intake, e -> {
            java.util.Collections.shuffle(e.conditions, random);
            java.util.Collections.shuffle(e.medications, random);
            java.util.Collections.shuffle(e.allergies, random);
            java.util.Collections.shuffle(e.concerns, random);
            java.util.Collections.shuffle(e.areas, random);
            java.util.Collections.shuffle(e.recentProcedures, random);
            java.util.List<String> keys = new java.util.ArrayList<>(e.answers.keySet());
            java.util.Collections.shuffle(keys, random);
            java.util.Map<String, mesoscreen.intake.Answer> reordered = new java.util.LinkedHashMap<>();
            keys.forEach(k -> reordered.put(k, e.answers.get(k)));
            e.answers.clear();
            e.answers.putAll(reordered);
        });
    }

    static Intake edit(Intake intake, java.util.function.Consumer<Edit> change) {
        Edit edit = new Edit(intake);
        change.accept(edit);
        return edit.intake();
    }

    /** The parts of an intake, mutable. */
    static final class Edit {
        String procedure;
        LocalDate plannedDate;
        Intake.Patient patient;
        final Map<String, Answer> answers;
        final List<Intake.Entry> conditions;
        final List<Intake.Medication> medications;
        final List<Intake.Entry> allergies;
        final List<String> concerns;
        final List<String> areas;
        final List<Intake.RecentProcedure> recentProcedures;

        private Edit(Intake i) {
            procedure = i.procedure();
            plannedDate = i.plannedDate();
            patient = i.patient();
            answers = new LinkedHashMap<>(i.answers());
            conditions = new ArrayList<>(i.conditions());
            medications = new ArrayList<>(i.medications());
            allergies = new ArrayList<>(i.allergies());
            concerns = new ArrayList<>(i.concerns());
            areas = new ArrayList<>(i.areas());
            recentProcedures = new ArrayList<>(i.recentProcedures());
        }

        private Intake intake() {
            return new Intake(procedure, plannedDate, patient, answers, conditions, medications, allergies, concerns,
                    areas, recentProcedures);
        }
    }

    // ---- the vocabulary, read from the rule folder -------------------------------------------------

    private static Terms terms(String file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules", "vocabulary", file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> texts = new ArrayList<>();
        List<Intake.Entry> codes = new ArrayList<>();
        for (JsonNode entry : root.elements().next()) {
            entry.path("text").forEach(language -> language.forEach(term -> texts.add(term.asText())));
            for (JsonNode code : entry.path("codes")) {
                codes.add(new Intake.Entry(code.get("system").asText(), example(code.get("code").asText()), null));
            }
        }
        return new Terms(List.copyOf(texts), List.copyOf(codes));
    }

    /** A code the pattern matches: "B01AF*" gives "B01AF01", "C00-C97" gives "C00.9". */
    private static String example(String pattern) {
        if (pattern.endsWith("*")) {
            return pattern.substring(0, pattern.length() - 1) + "01";
        }
        if (pattern.matches("[A-Z0-9]{3}-[A-Z0-9]{3}")) {
            return pattern.substring(0, 3) + ".9";
        }
        return pattern;
    }

    private static Terms merge(Terms a, Terms b) {
        List<String> texts = new ArrayList<>(a.texts());
        texts.addAll(b.texts());
        List<Intake.Entry> codes = new ArrayList<>(a.codes());
        codes.addAll(b.codes());
        return new Terms(List.copyOf(texts), List.copyOf(codes));
    }
}
