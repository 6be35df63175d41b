package mesoscreen.rules.condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.Answer;
import mesoscreen.intake.IntakeField;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Facts;

/**
 * A compiled rule condition: a tree of all / any / not over typed predicates on {@link Facts}.
 * Every id a predicate names was checked when the rules loaded.
 */
public sealed interface Condition {

    Result test(Facts facts);

    /**
     * {@link #test}'s truth alone, without its evidence: most rules are clear for most patients, and the
     * evidence of a clear rule is never shown, so a rule's truth is worked out first and its evidence only
     * when it fires or stays unknown. all/any/not combine their children's truths the way {@link #test} does.
     */
    default Truth truth(Facts facts) {
        return test(facts).truth();
    }

    /** How a clinician reads the condition, e.g. {@code any(answer pregnant, condition pregnancy)}. */
    String describe();

    /**
     * Adds what this condition reads to {@code out}: question ids, and the intake fields
     * ("patient.age", "conditions", "recentProcedures", ...). The questionnaire is built from it.
     */
    void reads(Set<String> out);

    /**
     * Whether the value can differ between procedures for the same patient; one that cannot is
     * evaluated once per intake for all the procedures screened.
     */
    boolean readsProcedure();

    /** {@code readsProcedure} is worked out once, when the tree is built, not at every evaluation. */
    record All(List<Condition> children, boolean readsProcedure) implements Condition {
        public All {
            children = List.copyOf(children);
        }

        public All(List<Condition> children) {
            this(children, children.stream().anyMatch(Condition::readsProcedure));
        }

        public Result test(Facts facts) {
            return Result.combine(evaluate(children, facts), Truth.FALSE);
        }

        @Override
        public Truth truth(Facts facts) {
            return combine(children, facts, Truth.FALSE);
        }

        public String describe() {
            return "all(" + join(children) + ")";
        }

        public void reads(Set<String> out) {
            children.forEach(c -> c.reads(out));
        }
    }

    /** {@code readsProcedure} is worked out once, when the tree is built, not at every evaluation. */
    record Any(List<Condition> children, boolean readsProcedure) implements Condition {
        public Any {
            children = List.copyOf(children);
        }

        public Any(List<Condition> children) {
            this(children, children.stream().anyMatch(Condition::readsProcedure));
        }

        public Result test(Facts facts) {
            return Result.combine(evaluate(children, facts), Truth.TRUE);
        }

        @Override
        public Truth truth(Facts facts) {
            return combine(children, facts, Truth.TRUE);
        }

        public String describe() {
            return "any(" + join(children) + ")";
        }

        public void reads(Set<String> out) {
            children.forEach(c -> c.reads(out));
        }
    }

    record Not(Condition child) implements Condition {
        public boolean readsProcedure() {
            return child.readsProcedure();
        }

        public Result test(Facts facts) {
            return child.test(facts).not();
        }

        @Override
        public Truth truth(Facts facts) {
            return child.truth(facts).not();
        }

        public String describe() {
            return "not(" + child.describe() + ")";
        }

        public void reads(Set<String> out) {
            child.reads(out);
        }
    }

    /** The patient answered "yes" to {@code question}. */
    record AnswerYes(String question) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            Facts.Stated stated = facts.answers().get(question);
            return stated.answer() == Answer.UNKNOWN
                    ? Result.unknown(question)
                    : Result.decided(stated.answer() == Answer.YES, stated.evidence());
        }

        @Override
        public Truth truth(Facts facts) {
            return Truth.of(facts.answers().get(question).answer());
        }

        public String describe() {
            return "answer " + question;
        }

        public void reads(Set<String> out) {
            out.add(question);
        }
    }

    /** A canonical fact present in one of the request's lists (conditions, allergies). */
    record Listed(Kind kind, String id) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public enum Kind { CONDITION, ALLERGY }

        public Result test(Facts facts) {
            List<String> evidence = entries(facts).get(id);
            return evidence == null ? Result.decided(false, List.of()) : Result.decided(true, evidence);
        }

        @Override
        public Truth truth(Facts facts) {
            return Truth.of(entries(facts).containsKey(id));
        }

        private Map<String, List<String>> entries(Facts facts) {
            return kind == Kind.CONDITION ? facts.conditions() : facts.allergens();
        }

        public void reads(Set<String> out) {
            out.add((kind == Kind.CONDITION ? IntakeField.CONDITIONS : IntakeField.ALLERGIES).id());
        }

        public String describe() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
        }
    }

    /** An allergy meets an ingredient of the procedure being screened. */
    record AllergyToIngredient(Map<String, Set<String>> ingredientsByProcedure) implements Condition {
        public AllergyToIngredient {
            Map<String, Set<String>> copied = new java.util.HashMap<>();
            ingredientsByProcedure.forEach((procedure, ingredients) -> copied.put(procedure, Set.copyOf(ingredients)));
            ingredientsByProcedure = Map.copyOf(copied);
        }

        public boolean readsProcedure() {
            return true;
        }

        public Result test(Facts facts) {
            return ByProcedure.allergyToIngredient(this, facts);
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.ALLERGIES.id());
        }

        public String describe() {
            return "allergy to an ingredient of the procedure";
        }
    }

    /**
     * Age in whole years within [min, max]; either bound may be absent. Given a birth date, an upper
     * bound that holds ends on the day the patient turns max + 1 (an age alone cannot say when).
     */
    record AgeBetween(Integer min, Integer max) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            if (facts.age() == null) {
                return Result.unknown(IntakeField.AGE.id());
            }
            int age = facts.age();
            boolean within = (min == null || age >= min) && (max == null || age <= max);
            String evidence = "patient.age = " + age;
            if (!within || max == null || facts.birthDate() == null) {
                return Result.decided(within, evidence);
            }
            LocalDate until = facts.birthDate().plusYears(max + 1L);
            // Born on 29 February: the whole year is only complete on 1 March.
            if (java.time.Period.between(facts.birthDate(), until).getYears() <= max) {
                until = until.plusDays(1);
            }
            return Result.trueUntil(until, List.of(evidence));
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.AGE.id());
        }

        public String describe() {
            return "age " + (min == null ? "" : min) + ".." + (max == null ? "" : max);
        }
    }

    record SexIn(Set<Sex> sexes) implements Condition {
        public SexIn {
            sexes = Set.copyOf(sexes);
        }

        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            if (facts.sex() == null || facts.sex() == Sex.UNKNOWN) {
                return Result.unknown(IntakeField.SEX.id());
            }
            return Result.decided(sexes.contains(facts.sex()), "patient.sex = " + facts.sex().json());
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.SEX.id());
        }

        public String describe() {
            return "sex " + sexes.stream().map(Sex::json).sorted().toList();
        }
    }

    /** The procedure being screened is one of these. */
    record ProcedureIn(Set<String> procedures) implements Condition {
        public ProcedureIn {
            procedures = Set.copyOf(procedures);
        }

        public boolean readsProcedure() {
            return true;
        }

        public Result test(Facts facts) {
            return Result.decided(procedures.contains(facts.procedure()), "procedure = " + facts.procedure());
        }

        public void reads(Set<String> out) {
        }

        public String describe() {
            return "procedure " + procedures.stream().sorted().toList();
        }
    }

    /** A treatment area is one of these: the requested areas, else the procedure's own. */
    /**
     * {@code byCatalogue} is the value for each procedure when the intake names no area, decided once
     * from the catalogue when the rule is compiled.
     */
    record AreaIn(Set<String> areas, Map<String, List<String>> areasByProcedure, Map<String, Result> byCatalogue)
            implements Condition {
        public AreaIn {
            areas = Set.copyOf(areas);
            Map<String, List<String>> copied = new java.util.HashMap<>();
            areasByProcedure.forEach((procedure, treated) -> copied.put(procedure, List.copyOf(treated)));
            areasByProcedure = Map.copyOf(copied);
            byCatalogue = Map.copyOf(byCatalogue);
        }

        public AreaIn(Set<String> areas, Map<String, List<String>> areasByProcedure) {
            this(areas, areasByProcedure, ByProcedure.areasOfCatalogue(areas, areasByProcedure));
        }

        public boolean readsProcedure() {
            return true;
        }

        public Result test(Facts facts) {
            return ByProcedure.areaIn(this, facts);
        }

        @Override
        public Truth truth(Facts facts) {
            return ByProcedure.areaInTruth(this, facts);
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.AREAS.id());
        }

        public String describe() {
            return "area " + areas.stream().sorted().toList();
        }
    }

    /** The patient named one of these concerns; concerns are goals, so none named means false. */
    record ConcernIn(Set<String> concerns) implements Condition {
        public ConcernIn {
            concerns = Set.copyOf(concerns);
        }

        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            List<String> hit = new ArrayList<>(1);
            for (String concern : facts.concerns()) {
                if (concerns.contains(concern)) {
                    hit.add(concern);
                }
            }
            hit.sort(null);
            hit.replaceAll(c -> "concerns contains " + c);
            return Result.decided(!hit.isEmpty(), hit);
        }

        @Override
        public Truth truth(Facts facts) {
            for (String concern : facts.concerns()) {
                if (concerns.contains(concern)) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.CONCERNS.id());
        }

        public String describe() {
            return "concern " + concerns.stream().sorted().toList();
        }
    }

    /**
     * A medication of the class is taken; with a window, taken now or stopped less than the window
     * before the planned date, and then the deferral ends when the window closes. With
     * {@code askedBy}, when no entry of the class is listed the question decides: listed entries
     * carry the dates, so they win over the answer.
     */
    record TakesMedication(String medicationClass, Window stoppedWithin, String askedBy) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            return Dated.takesMedication(this, facts);
        }

        @Override
        public Truth truth(Facts facts) {
            return Dated.takesMedicationTruth(this, facts);
        }

        public String describe() {
            return "medication " + medicationClass + (stoppedWithin == null ? "" : " within " + stoppedWithin)
                    + (askedBy == null ? "" : " (else answer " + askedBy + ")");
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.MEDICATIONS.id());
            if (stoppedWithin != null) {
                out.add(IntakeField.PLANNED_DATE.id());
            }
            if (askedBy != null) {
                out.add(askedBy);
            }
        }
    }

    /**
     * Another aesthetic procedure of a listed type less than its window before the planned date.
     * With none listed of a type the question asks about ({@code askedTypes}, the types of every rule
     * it serves), the question {@code askedBy} tells whether there was none ("no") or the dates are
     * still needed.
     */
    record RecentProcedureWithin(Map<String, Window> within, String askedBy, Set<String> askedTypes)
            implements Condition {
        public RecentProcedureWithin {
            within = Map.copyOf(within);
            askedTypes = Set.copyOf(askedTypes);
        }

        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            return Dated.recentProcedure(this, facts);
        }

        public String describe() {
            return "recent procedure " + new java.util.TreeMap<>(within);
        }

        public void reads(Set<String> out) {
            out.add(IntakeField.RECENT_PROCEDURES.id());
            out.add(IntakeField.PLANNED_DATE.id());
            out.add(askedBy);
        }
    }

    /** As {@link Result#combine}: the decisive value as soon as a child has it, else unknown if one is, else the other. */
    private static Truth combine(List<Condition> children, Facts facts, Truth decisive) {
        boolean unknown = false;
        for (Condition child : children) {
            Truth truth = child.truth(facts);
            if (truth == decisive) {
                return decisive;
            }
            unknown |= truth == Truth.UNKNOWN;
        }
        return unknown ? Truth.UNKNOWN : decisive.not();
    }

    private static List<Result> evaluate(List<Condition> children, Facts facts) {
        List<Result> results = new ArrayList<>(children.size());
        for (Condition child : children) {
            results.add(child.test(facts));
        }
        return results;
    }

    private static String join(List<Condition> children) {
        return String.join(", ", children.stream().map(Condition::describe).toList());
    }
}
