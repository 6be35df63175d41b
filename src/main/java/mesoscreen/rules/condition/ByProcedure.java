package mesoscreen.rules.condition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.IntakeField;
import mesoscreen.rules.Facts;

/** The predicates that read what the catalogue says of the procedure being screened: its ingredients, its areas. */
final class ByProcedure {
    private ByProcedure() {
    }

    static Result allergyToIngredient(Condition.AllergyToIngredient condition, Facts facts) {
        Set<String> ingredients = condition.ingredientsByProcedure().getOrDefault(facts.procedure(), Set.of());
        List<String> evidence = new ArrayList<>();
        facts.allergens().forEach((allergen, entries) -> {
            if (ingredients.contains(allergen)) {
                entries.forEach(entry -> evidence.add(entry + ", an ingredient of " + facts.procedure()));
            }
        });
        return Result.decided(!evidence.isEmpty(), evidence);
    }

    static Result areaIn(Condition.AreaIn condition, Facts facts) {
        if (facts.areas().isEmpty()) {
            Result result = condition.byCatalogue().get(facts.procedure());
            return result != null ? result : Result.unknown(IntakeField.AREAS.id());
        }
        return areaIn(condition.areas(), facts.areas(), "areas");
    }

    /** {@link #areaIn}'s truth alone. */
    static Truth areaInTruth(Condition.AreaIn condition, Facts facts) {
        if (facts.areas().isEmpty()) {
            Result result = condition.byCatalogue().get(facts.procedure());
            return result != null ? result.truth() : Truth.UNKNOWN;
        }
        for (String area : facts.areas()) {
            if (condition.areas().contains(area)) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }

    /** {@link #areaIn} for each procedure of the catalogue, when the intake names no area. */
    static Map<String, Result> areasOfCatalogue(Set<String> areas, Map<String, List<String>> areasByProcedure) {
        Map<String, Result> out = new HashMap<>();
        areasByProcedure.forEach((procedure, treated) -> out.put(procedure,
                areaIn(areas, Set.copyOf(treated), "areas of " + procedure)));
        return out;
    }

    private static Result areaIn(Set<String> areas, Set<String> treated, String source) {
        if (treated.isEmpty()) {
            return Result.unknown(IntakeField.AREAS.id());
        }
        List<String> hit = new ArrayList<>(treated.size());
        for (String area : treated) {
            if (areas.contains(area)) {
                hit.add(area);
            }
        }
        hit.sort(null);
        return Result.decided(!hit.isEmpty(), source + " = " + (hit.isEmpty() ? treated.stream().sorted().toList() : hit));
    }
}
