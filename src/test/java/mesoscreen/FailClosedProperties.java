package mesoscreen;

import static mesoscreen.IntakeArbitraries.RULES;
import static mesoscreen.IntakeArbitraries.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import mesoscreen.result.Rendering;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Facts;
import mesoscreen.rules.Rule;
import mesoscreen.rules.condition.Condition;
import mesoscreen.screening.Eligibility;
import mesoscreen.screening.FactsSeam;
import mesoscreen.screening.Screener;
import mesoscreen.screening.Screening;
import mesoscreen.vocabulary.CodeSystems;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fail-closed properties of the real screening engine, in-process ({@link Engine}): the bundled rules, the
 * intake validator, {@link Screener#screen} (and through it the real FactsBuilder). Intakes are generated over
 * the whole vocabulary ({@link IntakeArbitraries}); every one is checked valid before it is screened.
 */
class FailClosedProperties {
    /** Cases checked per property, printed at the end for the record. */
    private static final Map<String, AtomicLong> CASES = Collections.synchronizedMap(new TreeMap<>());
    private static final long STARTED = System.nanoTime();

    // ---- a. more facts never make the verdict more permissive -------------------------------------

    /**
     * Adding a "yes" (in place of an absent, "no" or "unknown" answer) or a conditions, medications,
     * allergies or recentProcedures entry never makes the verdict more permissive.
     *
     * <p>One refinement is by design, and asserted precisely rather than skipped: an entry with a date (a
     * medication with {@code stoppedOn}, a recent procedure) carries the dates a question asks for, so when
     * the intake listed none of its kind the entry decides in place of that question's answer ("yes, and it
     * was 9 months ago" clears isotretinoin; see the rules' own examples). Such an entry may therefore settle
     * the question, but never better than a "no" would: the floor is the verdict of the intake with those
     * questions answered "no". For every other addition the floor is the verdict before. (So, as the rules
     * stand, a first recent procedure of a type no rule times, a microneedling say, settles "yes" to
     * recentAestheticProcedure like a "no".)
     */
    @Property
    void addingAYesOrAnEntryNeverMakesTheVerdictMorePermissive(@ForAll("intakes") Intake intake,
                                                               @ForAll("additions") Addition addition) {
        Set<String> settled = addition.settles(intake);
        Eligibility floor = verdict(settled.isEmpty() ? intake
                : edit(intake, e -> settled.forEach(q -> e.answers.put(q, Answer.NO))));
        Eligibility after = verdict(addition.apply(intake));
        Statistics.label("cleared before").collect(cleared(floor));
        Statistics.label("changed").collect(after != floor);
        assertTrue(after.compareTo(floor) >= 0, () -> addition + " made " + floor + " into " + after
                + (settled.isEmpty() ? "" : " (floor with " + settled + " answered no)"));
        count("a. adding a yes or an entry");
        coveredNearEligibility();
    }

    // ---- b. less information never clears a patient -----------------------------------------------

    /**
     * Forgetting something (a known answer turned "unknown" or removed, the age, the sex) never gives a
     * verdict better than the one before, unless the one before was INCOMPLETE or worse, and then never
     * better than INCOMPLETE. Asserted: {@code after >= min(before, INCOMPLETE)}.
     *
     * <p>Why this is the fail-closed statement: losing a fact may turn a definite finding into "unknown", so
     * a NOT_ELIGIBLE may become INCOMPLETE (the patient is still not cleared: a clinician must get the answer),
     * but it must never turn into a clearance. Rules are three-valued, and less information can only turn
     * "true" or "false" into "unknown", which for a contraindication gives INCOMPLETE. So a patient cleared
     * before (ELIGIBLE, ELIGIBLE_WITH_PRECAUTIONS) is cleared no better after, and a patient not cleared
     * before is still not cleared after.
     *
     * <p>One case is by design and asserted exactly: a question that does not apply to the patient (a man is
     * not asked whether he is pregnant) reads "no" when absent, so removing its answer gives the verdict of
     * a "no".
     */
    @Property
    void forgettingAFactNeverClearsAPatient(@ForAll("intakes") Intake intake, @ForAll("losses") Loss loss) {
        Eligibility before = verdict(intake);
        Eligibility after = verdict(loss.apply(intake));
        Statistics.label("cleared before").collect(cleared(before));
        Statistics.label("changed").collect(after != before);
        if (loss instanceof AnswerRemoved removed && !RULES.questions().get(removed.question()).appliesTo(sex(intake))) {
            assertEquals(verdict(edit(intake, e -> e.answers.put(removed.question(), Answer.NO))), after,
                    "an absent answer to a question not asked of this patient reads as no");
        } else {
            Eligibility floor = before.compareTo(Eligibility.INCOMPLETE) < 0 ? before : Eligibility.INCOMPLETE;
            assertTrue(after.compareTo(floor) >= 0, () -> loss + " made " + before + " into " + after);
        }
        count("b. forgetting a fact");
        coveredNearEligibility();
    }

    /** The generators must keep producing cleared patients and changes, or the properties above prove little. */
    private static void coveredNearEligibility() {
        Statistics.label("cleared before").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("changed").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    private static boolean cleared(Eligibility verdict) {
        return verdict.compareTo(Eligibility.INCOMPLETE) < 0;
    }

    // ---- c. every contraindication, alone, stands in the way --------------------------------------

    /**
     * Every contraindication rule, fired on its own in an intake otherwise answered "no" by a healthy
     * 35-year-old woman (and man, when the rule asks nothing that only applies to women), for every
     * procedure the rule applies to, is listed and gives at least its severity's verdict, so never
     * ELIGIBLE or ELIGIBLE_WITH_PRECAUTIONS. Seeds: the rule's own "fires" examples (read with the service's
     * strict JSON settings), and a "yes" to each question that fires it alone.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyContraindicationAloneStandsInTheWay(@ForAll("firingSeeds") Seed seed) {
        for (String procedure : seed.procedures()) {
            Screening screening = screen(edit(seed.intake(), e -> e.procedure = procedure));
            Eligibility verdict = screening.verdict().eligibility();
            String where = seed.rule().id() + " (" + seed.name() + ") for " + procedure;
            assertTrue(verdict.compareTo(Eligibility.INCOMPLETE) > 0, () -> where + " gave " + verdict);
            assertTrue(verdict.compareTo(Eligibility.of(seed.rule().severity())) >= 0, () -> where + " gave " + verdict);
            assertTrue(screening.verdict().contraindications().stream().anyMatch(f -> f.rule().id().equals(seed.rule().id())),
                    () -> where + " is not listed");
            count("c. a contraindication alone (rule x seed x sex x procedure)");
        }
    }

    // ---- d. the same intake, in any order, gives the same answer ----------------------------------

    /**
     * Screening is deterministic, and the order of every list (and of the answers' keys) does not change
     * the rendered JSON by one byte: the evidence and {@code unrecognized} name lists, not positions.
     */
    @Property(tries = 500)
    void theSameIntakeInAnyOrderGivesTheSameJson(@ForAll("crowdedIntakes") Intake intake, @ForAll Random random,
                                                @ForAll("languages") String language) {
        Screening first = screen(intake);
        assertEquals(first, screen(intake), "screening the same intake twice");
        String json = Rendering.json(first, language);
        Intake shuffled = IntakeArbitraries.shuffled(intake, random);
        assertEquals(json, Rendering.json(screen(shuffled), language), "the same intake with its lists shuffled");
        count("d. same intake, any order");
    }

    // ---- e. a condition's truth alone is the truth of its evaluation -------------------------------

    /**
     * A rule stays clear without its evidence being built when {@link Condition#truth} says false, so the
     * shortcut must agree with {@link Condition#test} everywhere: every node of every rule's condition, for
     * every procedure. A node that said false where its evaluation is true or unknown would lose a finding.
     */
    @Property(tries = 500)
    void aConditionsTruthAloneIsTheTruthOfItsEvaluation(@ForAll("crowdedIntakes") Intake intake) {
        Facts facts = FactsSeam.facts(intake, RULES, Engine.TODAY);
        for (String procedure : RULES.procedures().keySet()) {
            Facts forProcedure = facts.forProcedure(procedure);
            for (Rule rule : RULES.rules()) {
                sameTruth(rule.id(), rule.when(), forProcedure);
            }
        }
        count("e. truth alone is the evaluated truth");
    }

    private static void sameTruth(String rule, Condition condition, Facts facts) {
        assertEquals(condition.test(facts).truth(), condition.truth(facts),
                () -> rule + ": " + condition.describe() + " for " + facts.procedure());
        if (condition instanceof Condition.All all) {
            all.children().forEach(c -> sameTruth(rule, c, facts));
        } else if (condition instanceof Condition.Any any) {
            any.children().forEach(c -> sameTruth(rule, c, facts));
        } else if (condition instanceof Condition.Not not) {
            sameTruth(rule, not.child(), facts);
        }
    }

    @AfterContainer
    static void figures() {
        long total = CASES.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("FailClosedProperties: %d properties, %d cases checked in %d ms%n", CASES.size(), total,
                (System.nanoTime() - STARTED) / 1_000_000);
        CASES.forEach((name, n) -> System.out.printf("  %-60s %6d%n", name, n.get()));
    }

    // ---- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<Intake> intakes() {
        return IntakeArbitraries.intakes();
    }

    @Provide
    Arbitrary<Intake> crowdedIntakes() {
        return IntakeArbitraries.crowdedIntakes();
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of(RULES.languages());
    }

    /** Something more about the patient: a "yes", or an entry in one of the lists. */
    sealed interface Addition {
        Intake apply(Intake intake);

        /** The questions this entry answers in place of the patient's answer (see property a). */
        default Set<String> settles(Intake intake) {
            return Set.of();
        }
    }

    record Yes(String question) implements Addition {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.answers.put(question, Answer.YES));
        }
    }

    record AddCondition(Intake.Entry entry) implements Addition {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.conditions.add(entry));
        }
    }

    record AddAllergy(Intake.Entry entry) implements Addition {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.allergies.add(entry));
        }
    }

    record AddMedication(Intake.Medication medication) implements Addition {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.medications.add(medication));
        }

        /** A stop date answers a medication question whose class the intake did not list yet. */
        @Override
        public Set<String> settles(Intake intake) {
            Set<String> out = new LinkedHashSet<>();
            if (medication.stoppedOn() == null) {
                return out;
            }
            Set<String> listed = new LinkedHashSet<>();
            intake.medications().forEach(m -> listed.addAll(classes(m)));
            conditions().filter(Condition.TakesMedication.class::isInstance).map(Condition.TakesMedication.class::cast)
                    .filter(c -> c.askedBy() != null && classes(medication).contains(c.medicationClass())
                            && !listed.contains(c.medicationClass()))
                    .forEach(c -> out.add(c.askedBy()));
            return out;
        }
    }

    record AddRecent(Intake.RecentProcedure procedure) implements Addition {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.recentProcedures.add(procedure));
        }

        /** The first recent procedure listed answers the question that asked for them. */
        @Override
        public Set<String> settles(Intake intake) {
            Set<String> out = new LinkedHashSet<>();
            if (intake.recentProcedures().isEmpty()) {
                conditions().filter(Condition.RecentProcedureWithin.class::isInstance)
                        .map(c -> ((Condition.RecentProcedureWithin) c).askedBy()).forEach(out::add);
            }
            return out;
        }
    }

    @Provide
    Arbitrary<Addition> additions() {
        return Arbitraries.oneOf(
                Arbitraries.of(RULES.questions().keySet()).map(Yes::new),
                IntakeArbitraries.conditionEntries().map(AddCondition::new),
                IntakeArbitraries.allergyEntries().map(AddAllergy::new),
                IntakeArbitraries.medicationEntries().map(AddMedication::new),
                IntakeArbitraries.recentProcedures().map(AddRecent::new));
    }

    /** Something the intake knew and no longer does. */
    sealed interface Loss {
        Intake apply(Intake intake);
    }

    record AnswerUnknown(String question) implements Loss {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.answers.put(question, Answer.UNKNOWN));
        }
    }

    record AnswerRemoved(String question) implements Loss {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.answers.remove(question));
        }
    }

    record AgeRemoved() implements Loss {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.patient = e.patient == null ? null : new Intake.Patient(null, null, e.patient.sex()));
        }
    }

    record SexRemoved() implements Loss {
        public Intake apply(Intake intake) {
            return edit(intake, e -> e.patient = e.patient == null ? null
                    : new Intake.Patient(e.patient.age(), e.patient.birthDate(), null));
        }
    }

    @Provide
    Arbitrary<Loss> losses() {
        Arbitrary<String> questions = Arbitraries.of(RULES.questions().keySet());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, questions.map(AnswerUnknown::new)),
                net.jqwik.api.Tuple.of(4, questions.map(AnswerRemoved::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new AgeRemoved())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new SexRemoved())));
    }

    /** A rule, an intake that fires it and nothing else, and the procedures to screen it for. */
    record Seed(Rule rule, String name, Intake intake, List<String> procedures) {
        @Override
        public String toString() {
            return rule.id() + ": " + name;
        }
    }

    @Provide
    Arbitrary<Seed> firingSeeds() {
        return Arbitraries.of(SEEDS);
    }

    private static final List<Seed> SEEDS = seeds();

    private static List<Seed> seeds() {
        ObjectMapper json = Rendering.strictReader();
        List<Seed> out = new ArrayList<>();
        for (Rule rule : RULES.rules()) {
            if (rule.kind() != Rule.Kind.CONTRAINDICATION) {
                continue;
            }
            Map<String, Intake> intakes = new LinkedHashMap<>();
            for (Rule.Example example : rule.examples()) {
                if (example.expect() == Rule.Outcome.FIRES) {
                    try {
                        intakes.put("example '" + example.name() + "'", json.treeToValue(example.intake(), Intake.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(rule.id() + ": " + example.name(), e);
                    }
                }
            }
            for (String question : firingQuestions(rule.when())) {
                intakes.put(question + " = yes", new Intake(null, null, null, Map.of(question, Answer.YES),
                        null, null, null, null, null, null));
            }
            Set<String> reads = new LinkedHashSet<>();
            rule.when().reads(reads);
            boolean forMen = reads.stream().filter(RULES.questions()::containsKey)
                    .allMatch(q -> RULES.questions().get(q).appliesTo(Sex.MALE));
            for (Sex sex : forMen ? List.of(Sex.FEMALE, Sex.MALE) : List.of(Sex.FEMALE)) {
                intakes.forEach((name, intake) -> out.add(new Seed(rule, name + ", " + sex.json(), healthy(intake, sex),
                        intake.procedure() != null ? List.of(intake.procedure())
                                : RULES.procedures().keySet().stream().filter(rule::appliesTo).toList())));
            }
        }
        return List.copyOf(out);
    }

    /** The seed on a healthy patient: 35 unless the seed gives an age or birth date, of this sex, every other question answered "no". */
    private static Intake healthy(Intake seed, Sex sex) {
        return edit(seed, e -> {
            Map<String, Answer> answers = new LinkedHashMap<>();
            RULES.questions().values().stream().filter(q -> q.appliesTo(sex)).forEach(q -> answers.put(q.id(), Answer.NO));
            answers.putAll(seed.answers());
            e.answers.clear();
            e.answers.putAll(answers);
            // A seed's birth date stays (the under-18 rule reads it); with neither, the patient is 35.
            java.time.LocalDate birthDate = seed.patient() == null ? null : seed.patient().birthDate();
            Integer age = seed.patient() == null || seed.patient().age() == null ? (birthDate == null ? 35 : null)
                    : seed.patient().age();
            e.patient = new Intake.Patient(age, birthDate, sex);
            e.plannedDate = seed.plannedDate() != null ? seed.plannedDate() : IntakeArbitraries.PLANNED;
        });
    }

    /** Questions whose "yes" alone fires the condition: the condition itself, or a direct branch of an any. */
    private static List<String> firingQuestions(Condition when) {
        List<Condition> branches = when instanceof Condition.Any any ? any.children() : List.of(when);
        List<String> out = new ArrayList<>();
        for (Condition branch : branches) {
            if (branch instanceof Condition.AnswerYes yes) {
                out.add(yes.question());
            } else if (branch instanceof Condition.TakesMedication takes && takes.askedBy() != null) {
                out.add(takes.askedBy());
            }
        }
        return out;
    }

    // ---- the engine -------------------------------------------------------------------------------

    /** Validates (the generators make valid intakes only: a violation is a generator bug) and screens. */
    static Screening screen(Intake intake) {
        return Engine.screen(intake);
    }

    static Eligibility verdict(Intake intake) {
        return screen(intake).verdict().eligibility();
    }

    private static Sex sex(Intake intake) {
        return intake.patient() == null || intake.patient().sex() == null ? Sex.UNKNOWN : intake.patient().sex();
    }

    /** Every predicate of every rule. */
    private static Stream<Condition> conditions() {
        return RULES.rules().stream().flatMap(r -> leaves(r.when()));
    }

    private static Stream<Condition> leaves(Condition condition) {
        if (condition instanceof Condition.All all) {
            return all.children().stream().flatMap(FailClosedProperties::leaves);
        }
        if (condition instanceof Condition.Any any) {
            return any.children().stream().flatMap(FailClosedProperties::leaves);
        }
        if (condition instanceof Condition.Not not) {
            return leaves(not.child());
        }
        return Stream.of(condition);
    }

    /** The medication classes an entry names, read as the service reads it (codes, then text). */
    private static Set<String> classes(Intake.Medication medication) {
        Set<String> out = new LinkedHashSet<>();
        if (medication.system() != null && medication.code() != null) {
            CodeSystems.alias(medication.system())
                    .ifPresent(system -> out.addAll(RULES.vocabulary().medications().byCode(system, medication.code())));
        }
        if (medication.text() != null && !medication.text().isBlank()) {
            out.addAll(RULES.vocabulary().medications().byText(medication.text()).keySet());
        }
        return out;
    }

    private static void count(String property) {
        CASES.computeIfAbsent(property, k -> new AtomicLong()).incrementAndGet();
    }
}
