package mesoscreen.rules.condition;

import java.util.ArrayList;
import java.util.List;
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
        Set<String> treated = facts.areas();
        String source = "areas";
        if (treated.isEmpty()) {
            treated = Set.copyOf(condition.areasByProcedure().getOrDefault(facts.procedure(), List.of()));
            source = "areas of " + facts.procedure();
        }
        if (treated.isEmpty()) {
            return Result.unknown(IntakeField.AREAS.id());
        }
        List<String> hit = treated.stream().filter(condition.areas()::contains).sorted().toList();
        return Result.decided(!hit.isEmpty(), source + " = " + (hit.isEmpty() ? treated.stream().sorted().toList() : hit));
    }
}
