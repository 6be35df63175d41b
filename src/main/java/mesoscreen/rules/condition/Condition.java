package mesoscreen.rules.condition;

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

    /** Adds the ids of the questions this condition reads to {@code out}. */
    default void questions(java.util.Set<String> out) {
    }

    record All(List<Condition> children) implements Condition {
        public Result test(Facts facts) {
            return Result.combine(evaluate(children, facts), Truth.FALSE);
        }

        public String describe() {
            return "all(" + join(children) + ")";
        }

        public void questions(Set<String> out) {
            children.forEach(c -> c.questions(out));
        }
    }

    record Any(List<Condition> children) implements Condition {
        public Result test(Facts facts) {
            return Result.combine(evaluate(children, facts), Truth.TRUE);
        }

        public String describe() {
            return "any(" + join(children) + ")";
        }

        public void questions(Set<String> out) {
            children.forEach(c -> c.questions(out));
        }
    }

    record Not(Condition child) implements Condition {
        public Result test(Facts facts) {
            return child.test(facts).not();
        }

        public String describe() {
            return "not(" + child.describe() + ")";
        }

        public void questions(Set<String> out) {
            child.questions(out);
        }
    }

    /** The patient answered "yes" to {@code question}. */
    record AnswerYes(String question) implements Condition {
        public Result test(Facts facts) {
            Facts.Stated stated = facts.answers().get(question);
            return stated.answer() == Answer.UNKNOWN
                    ? Result.unknown(question)
                    : Result.decided(stated.answer() == Answer.YES, stated.evidence());
        }

        public String describe() {
            return "answer " + question;
        }

        public void questions(Set<String> out) {
            out.add(question);
        }
    }

    /** A canonical fact present in one of the request's lists (conditions, medications, allergies). */
    record Listed(Kind kind, String id) implements Condition {
        public enum Kind { CONDITION, MEDICATION, ALLERGY }

        public Result test(Facts facts) {
            List<String> evidence = entries(facts).get(id);
            return evidence == null ? Result.decided(false, List.of()) : Result.decided(true, evidence);
        }

        private Map<String, List<String>> entries(Facts facts) {
            return switch (kind) {
                case CONDITION -> facts.conditions();
                case MEDICATION -> facts.medications();
                case ALLERGY -> facts.allergens();
            };
        }

        public String describe() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
        }
    }

    /**
     * An allergy meets an ingredient of the procedure; without a procedure, of any procedure
     * of the family, since any of them could be chosen.
     */
    record AllergyToIngredient(Map<String, Set<String>> ingredientsByProcedure, Set<String> anyIngredient)
            implements Condition {
        public Result test(Facts facts) {
            Set<String> ingredients = facts.procedure() == null
                    ? anyIngredient : ingredientsByProcedure.getOrDefault(facts.procedure(), Set.of());
            List<String> evidence = new ArrayList<>();
            facts.allergens().forEach((allergen, entries) -> {
                if (ingredients.contains(allergen)) {
                    evidence.addAll(entries);
                }
            });
            return Result.decided(!evidence.isEmpty(), evidence);
        }

        public String describe() {
            return "allergy to an ingredient of the procedure";
        }
    }

    /** Age in whole years within [min, max]; either bound may be absent. */
    record AgeBetween(Integer min, Integer max) implements Condition {
        public Result test(Facts facts) {
            if (facts.age() == null) {
                return Result.unknown("patient.age");
            }
            int age = facts.age();
            return Result.decided((min == null || age >= min) && (max == null || age <= max), "patient.age = " + age);
        }

        public String describe() {
            return "age " + (min == null ? "" : min) + ".." + (max == null ? "" : max);
        }
    }

    record SexIn(Set<Sex> sexes) implements Condition {
        public Result test(Facts facts) {
            if (facts.sex() == null || facts.sex() == Sex.UNKNOWN) {
                return Result.unknown("patient.sex");
            }
            return Result.decided(sexes.contains(facts.sex()), "patient.sex = " + facts.sex().json());
        }

        public String describe() {
            return "sex " + sexes.stream().map(Sex::json).sorted().toList();
        }
    }

    /** The chosen procedure is one of these; with no procedure chosen any of the family may be. */
    record ProcedureIn(Set<String> procedures) implements Condition {
        public Result test(Facts facts) {
            if (facts.procedure() == null) {
                return Result.decided(true, "procedure not chosen: all procedures screened");
            }
            return Result.decided(procedures.contains(facts.procedure()), "procedure = " + facts.procedure());
        }

        public String describe() {
            return "procedure " + procedures.stream().sorted().toList();
        }
    }

    /** A treatment area is one of these: the requested areas, else the procedure's own. */
    record AreaIn(Set<String> areas, Map<String, List<String>> areasByProcedure) implements Condition {
        public Result test(Facts facts) {
            Set<String> treated = facts.areas();
            String source = "areas";
            if (treated.isEmpty() && facts.procedure() != null) {
                treated = Set.copyOf(areasByProcedure.getOrDefault(facts.procedure(), List.of()));
                source = "areas of " + facts.procedure();
            }
            if (treated.isEmpty()) {
                return Result.unknown("areas");
            }
            List<String> hit = treated.stream().filter(areas::contains).sorted().toList();
            return Result.decided(!hit.isEmpty(), source + " = " + (hit.isEmpty() ? treated.stream().sorted().toList() : hit));
        }

        public String describe() {
            return "area " + areas.stream().sorted().toList();
        }
    }

    /** The patient named one of these concerns; concerns are goals, so none named means false. */
    record ConcernIn(Set<String> concerns) implements Condition {
        public Result test(Facts facts) {
            List<String> hit = facts.concerns().stream().filter(concerns::contains).sorted().toList();
            return Result.decided(!hit.isEmpty(), hit.stream().map(c -> "concerns contains " + c).toList());
        }

        public String describe() {
            return "concern " + concerns.stream().sorted().toList();
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
