package mesoscreen.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.course.Course;
import mesoscreen.intake.Intake;
import mesoscreen.vocabulary.Concern;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.Rulings;

/**
 * Screens one validated intake against one rule set. When no procedure was asked for, or the one asked for is
 * ruled out, the patient is also screened for the procedures that treat the concerns (every procedure of the
 * catalogue when there are none; a few microseconds each), so that the answer can name the procedure that suits
 * the concerns, or better alternatives.
 * Pure: the same intake and rule set always give the same screening.
 */
public final class Screener {
    private static final Set<Eligibility> IN_THE_WAY = Set.of(Eligibility.NOT_ELIGIBLE, Eligibility.DEFER,
            Eligibility.REFER);

    /** The rank of a procedure for a concern it does not treat: below any real rank. */
    private static final int UNTREATED = 1_000;

    private Screener() {
    }

    public static Screening screen(Intake intake, RuleSet rules, LocalDate today) {
        FactsBuilder.Built built = FactsBuilder.build(intake, rules, today);
        boolean unrecognized = !built.unrecognized().isEmpty();
        // In catalogue order, whatever order the patient named them in.
        List<Concern> concerns = new ArrayList<>(intake.concerns().size());
        for (Concern concern : rules.vocabulary().concerns().values()) {
            if (intake.concerns().contains(concern.id())) {
                concerns.add(concern);
            }
        }
        // The other procedures count only to suggest one when none was asked for, or alternatives to one that is
        // ruled out: only then are they screened (Ranking). Their truths are enough for that, without evidence.
        boolean suggested = intake.procedure() == null;
        Rulings rulings = rules.rulings(built.facts());
        Ranking ranking = suggested ? Ranking.of(rulings, unrecognized, concerns, rules) : null;
        Procedure procedure = !suggested ? rules.procedures().get(intake.procedure())
                : ranking.fitting().isEmpty() ? rules.procedures().values().iterator().next()
                : ranking.fitting().get(0);
        // Its rules' truths are known from the rulings: only the evidence of those not clear is worked out.
        Verdict verdict = Verdict.of(RuleSet.findings(built.facts().forProcedure(procedure.id()),
                rulings.of(procedure.id())), unrecognized, rules);

        List<Screening.Alternative> alternatives = List.of();
        if (IN_THE_WAY.contains(verdict.eligibility())) {
            Ranking all = ranking != null ? ranking : Ranking.of(rulings, unrecognized, concerns, rules);
            alternatives = all.fitting().stream()
                    .filter(p -> all.eligibilities().get(p.id()).compareTo(verdict.eligibility()) < 0)
                    .map(p -> new Screening.Alternative(p, all.eligibilities().get(p.id())))
                    .toList();
        }

        Course course = null;
        if (verdict.eligibility() != Eligibility.NOT_ELIGIBLE) {
            LocalDate start = intake.plannedDate();
            if (verdict.eligibility() == Eligibility.DEFER) {
                start = verdict.eligibleFrom() == null || start == null ? null
                        : (verdict.eligibleFrom().isAfter(start) ? verdict.eligibleFrom() : start);
            }
            course = Course.of(procedure, programme(procedure, concerns), start);
        }
        List<Concern> indications = new ArrayList<>(concerns.size());
        List<Concern> untreated = new ArrayList<>(0);
        for (Concern concern : concerns) {
            (treats(concern, procedure) ? indications : untreated).add(concern);
        }
        return new Screening(rules, procedure, suggested, verdict, built.unrecognized(), alternatives, course,
                Collections.unmodifiableList(indications), Collections.unmodifiableList(untreated),
                built.sources(), built.setAside());
    }

    /** The verdict of a validated intake for every procedure of the catalogue, in catalogue order. */
    public static Map<String, Verdict> verdicts(Intake intake, RuleSet rules, LocalDate today) {
        return verdicts(FactsBuilder.build(intake, rules, today), rules);
    }

    private static Map<String, Verdict> verdicts(FactsBuilder.Built built, RuleSet rules) {
        boolean unrecognized = !built.unrecognized().isEmpty();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        rules.evaluateEach(built.facts(), rules.procedures().keySet())
                .forEach((procedure, findings) -> verdicts.put(procedure, Verdict.of(findings, unrecognized, rules)));
        return verdicts;
    }

    /**
     * The procedures that treat the concerns (all of them when there are none), screened by their rules' truths:
     * each one's eligibility, and the procedures in order of preference. No other procedure can be
     * suggested or offered as an alternative, so no other is screened.
     */
    private record Ranking(Map<String, Eligibility> eligibilities, List<Procedure> fitting) {
        static Ranking of(Rulings rulings, boolean unrecognized, List<Concern> concerns, RuleSet rules) {
            List<Procedure> treating = new ArrayList<>(rules.procedures().size());
            for (Procedure procedure : rules.procedures().values()) {
                if (concerns.isEmpty() || treatsAny(concerns, procedure)) {
                    treating.add(procedure);
                }
            }
            Map<String, Eligibility> eligibilities = new java.util.HashMap<>();
            treating.forEach(p -> eligibilities.put(p.id(), Verdict.eligibility(rulings.of(p.id()), unrecognized)));
            List<Procedure> fitting = treating.stream().sorted(preference(concerns, eligibilities, treating)).toList();
            return new Ranking(eligibilities, fitting);
        }
    }

    /**
     * Better verdict first; then the procedure treating more of the concerns, ranked higher; then catalogue
     * order ({@code procedures} are in it). Each procedure's place is worked out once, not at every comparison.
     */
    private static Comparator<Procedure> preference(List<Concern> concerns, Map<String, Eligibility> eligibilities,
                                                    List<Procedure> procedures) {
        Map<String, Place> places = new java.util.HashMap<>();
        int index = 0;
        for (Procedure procedure : procedures) {
            int treated = 0;
            int ranks = 0;
            for (Concern concern : concerns) {
                int rank = rank(concern, procedure);
                treated += rank < UNTREATED ? 1 : 0;
                ranks += rank;
            }
            places.put(procedure.id(), new Place(eligibilities.get(procedure.id()), treated, ranks, index++));
        }
        return Comparator.comparing(p -> places.get(p.id()));
    }

    /** Where a procedure comes in the preference: each part decides only when the ones before it tie. */
    private record Place(Eligibility eligibility, int concernsTreated, int ranks, int catalogueIndex)
            implements Comparable<Place> {
        private static final Comparator<Place> ORDER = Comparator.comparing(Place::eligibility)
                .thenComparing(Comparator.comparingInt(Place::concernsTreated).reversed())
                .thenComparingInt(Place::ranks)
                .thenComparingInt(Place::catalogueIndex);

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    /** The programme the concerns rank highest, else the procedure's first. */
    private static Procedure.Programme programme(Procedure procedure, List<Concern> concerns) {
        for (Concern concern : concerns) {
            int rank = rank(concern, procedure);
            if (rank < UNTREATED) {
                return procedure.programme(concern.programmes().get(rank).substring(procedure.id().length() + 1));
            }
        }
        return procedure.programmes().get(0);
    }

    private static boolean treatsAny(List<Concern> concerns, Procedure procedure) {
        for (Concern concern : concerns) {
            if (treats(concern, procedure)) {
                return true;
            }
        }
        return false;
    }

    static boolean treats(Concern concern, Procedure procedure) {
        return rank(concern, procedure) < UNTREATED;
    }

    private static int rank(Concern concern, Procedure procedure) {
        List<String> programmes = concern.programmes();
        String id = procedure.id();
        for (int i = 0; i < programmes.size(); i++) {
            String programme = programmes.get(i);
            if (programme.length() > id.length() && programme.charAt(id.length()) == '/' && programme.startsWith(id)) {
                return i;
            }
        }
        return UNTREATED;
    }
}
