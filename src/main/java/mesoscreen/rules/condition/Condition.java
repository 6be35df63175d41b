package mesoscreen.rules.condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Facts;

/**
 * A compiled rule condition: a tree of all / any / not over typed predicates on {@link Facts}.
 * Every id a predicate names was checked when the rules loaded.
 */
public sealed interface Condition {

    Result test(Facts facts);

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

    record All(List<Condition> children) implements Condition {
        public boolean readsProcedure() {
            return children.stream().anyMatch(Condition::readsProcedure);
        }

        public Result test(Facts facts) {
            return Result.combine(evaluate(children, facts), Truth.FALSE);
        }

        public String describe() {
            return "all(" + join(children) + ")";
        }

        public void reads(Set<String> out) {
            children.forEach(c -> c.reads(out));
        }
    }

    record Any(List<Condition> children) implements Condition {
        public boolean readsProcedure() {
            return children.stream().anyMatch(Condition::readsProcedure);
        }

        public Result test(Facts facts) {
            return Result.combine(evaluate(children, facts), Truth.TRUE);
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

        private Map<String, List<String>> entries(Facts facts) {
            return kind == Kind.CONDITION ? facts.conditions() : facts.allergens();
        }

        public void reads(Set<String> out) {
            out.add(kind == Kind.CONDITION ? "conditions" : "allergies");
        }

        public String describe() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
        }
    }

    /** An allergy meets an ingredient of the procedure being screened. */
    record AllergyToIngredient(Map<String, Set<String>> ingredientsByProcedure) implements Condition {
        public boolean readsProcedure() {
            return true;
        }

        public Result test(Facts facts) {
            Set<String> ingredients = ingredientsByProcedure.getOrDefault(facts.procedure(), Set.of());
            List<String> evidence = new ArrayList<>();
            facts.allergens().forEach((allergen, entries) -> {
                if (ingredients.contains(allergen)) {
                    entries.forEach(entry -> evidence.add(entry + ", an ingredient of " + facts.procedure()));
                }
            });
            return Result.decided(!evidence.isEmpty(), evidence);
        }

        public void reads(Set<String> out) {
            out.add("allergies");
        }

        public String describe() {
            return "allergy to an ingredient of the procedure";
        }
    }

    /** Age in whole years within [min, max]; either bound may be absent. */
    record AgeBetween(Integer min, Integer max) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            if (facts.age() == null) {
                return Result.unknown("patient.age");
            }
            int age = facts.age();
            return Result.decided((min == null || age >= min) && (max == null || age <= max), "patient.age = " + age);
        }

        public void reads(Set<String> out) {
            out.add("patient.age");
        }

        public String describe() {
            return "age " + (min == null ? "" : min) + ".." + (max == null ? "" : max);
        }
    }

    record SexIn(Set<Sex> sexes) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            if (facts.sex() == null || facts.sex() == Sex.UNKNOWN) {
                return Result.unknown("patient.sex");
            }
            return Result.decided(sexes.contains(facts.sex()), "patient.sex = " + facts.sex().json());
        }

        public void reads(Set<String> out) {
            out.add("patient.sex");
        }

        public String describe() {
            return "sex " + sexes.stream().map(Sex::json).sorted().toList();
        }
    }

    /** The procedure being screened is one of these. */
    record ProcedureIn(Set<String> procedures) implements Condition {
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
    record AreaIn(Set<String> areas, Map<String, List<String>> areasByProcedure) implements Condition {
        public boolean readsProcedure() {
            return true;
        }

        public Result test(Facts facts) {
            Set<String> treated = facts.areas();
            String source = "areas";
            if (treated.isEmpty()) {
                treated = Set.copyOf(areasByProcedure.getOrDefault(facts.procedure(), List.of()));
                source = "areas of " + facts.procedure();
            }
            if (treated.isEmpty()) {
                return Result.unknown("areas");
            }
            List<String> hit = treated.stream().filter(areas::contains).sorted().toList();
            return Result.decided(!hit.isEmpty(), source + " = " + (hit.isEmpty() ? treated.stream().sorted().toList() : hit));
        }

        public void reads(Set<String> out) {
            out.add("areas");
        }

        public String describe() {
            return "area " + areas.stream().sorted().toList();
        }
    }

    /** The patient named one of these concerns; concerns are goals, so none named means false. */
    record ConcernIn(Set<String> concerns) implements Condition {
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            List<String> hit = facts.concerns().stream().filter(concerns::contains).sorted().toList();
            return Result.decided(!hit.isEmpty(), hit.stream().map(c -> "concerns contains " + c).toList());
        }

        public void reads(Set<String> out) {
            out.add("concerns");
        }

        public String describe() {
            return "concern " + concerns.stream().sorted().toList();
        }
    }

    /** A time window such as 6 months or 14 days, as rule files state them. */
    record Window(int amount, java.time.temporal.ChronoUnit unit) {
        public LocalDate after(LocalDate start) {
            return start.plus(amount, unit);
        }

        @Override
        public String toString() {
            return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
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
            List<Facts.Medication> entries = facts.medications().getOrDefault(medicationClass, List.of());
            if (entries.isEmpty() && askedBy != null) {
                Facts.Stated stated = facts.answers().get(askedBy);
                return stated.answer() == Answer.UNKNOWN ? Result.unknown(askedBy)
                        : Result.decided(stated.answer() == Answer.YES, stated.evidence());
            }
            if (stoppedWithin == null) {
                return Result.decided(!entries.isEmpty(), entries.stream().map(Facts.Medication::evidence).toList());
            }
            List<String> evidence = new ArrayList<>();
            LocalDate until = null;
            boolean current = false;
            for (Facts.Medication entry : entries) {
                if (entry.stoppedOn() == null) {
                    current = true;
                    evidence.add(entry.evidence() + ", taken now");
                } else if (stoppedWithin.after(entry.stoppedOn()).isAfter(facts.plannedDate())) {
                    LocalDate end = stoppedWithin.after(entry.stoppedOn());
                    until = until == null || end.isAfter(until) ? end : until;
                    evidence.add(entry.evidence() + ", stopped on " + entry.stoppedOn() + ": less than "
                            + stoppedWithin + " before " + facts.plannedDate());
                }
            }
            return evidence.isEmpty() ? Result.decided(false, List.of())
                    : Result.trueUntil(current ? null : until, evidence);
        }

        public String describe() {
            return "medication " + medicationClass + (stoppedWithin == null ? "" : " within " + stoppedWithin)
                    + (askedBy == null ? "" : " (else answer " + askedBy + ")");
        }

        public void reads(Set<String> out) {
            out.add("medications");
            if (stoppedWithin != null) {
                out.add("plannedDate");
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
        public boolean readsProcedure() {
            return false;
        }

        public Result test(Facts facts) {
            // A "yes" is explained only by an entry of a type the question asks about (across all its rules).
            boolean explained = facts.recentProcedures().stream().anyMatch(done -> askedTypes.contains(done.type()));
            if (!explained) {
                Facts.Stated stated = facts.answers().get(askedBy);
                return switch (stated.answer()) {
                    case NO -> Result.decided(false, stated.evidence());
                    case YES -> Result.unknown("recentProcedures");
                    case UNKNOWN -> Result.unknown(askedBy);
                };
            }
            List<String> evidence = new ArrayList<>();
            LocalDate until = null;
            for (Facts.RecentProcedure done : facts.recentProcedures()) {
                Window window = within.get(done.type());
                if (window != null && window.after(done.date()).isAfter(facts.plannedDate())) {
                    LocalDate end = window.after(done.date());
                    until = until == null || end.isAfter(until) ? end : until;
                    evidence.add(done.evidence() + ": less than " + window + " before " + facts.plannedDate());
                }
            }
            return evidence.isEmpty() ? Result.decided(false, List.of()) : Result.trueUntil(until, evidence);
        }

        public String describe() {
            return "recent procedure " + new java.util.TreeMap<>(within);
        }

        public void reads(Set<String> out) {
            out.add("recentProcedures");
            out.add("plannedDate");
            out.add(askedBy);
        }
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
