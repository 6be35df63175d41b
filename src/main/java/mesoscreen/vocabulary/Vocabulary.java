package mesoscreen.vocabulary;

import java.util.Map;
import mesoscreen.text.Localized;
import mesoscreen.text.Ordered;

/**
 * What the words of a request mean: coded and free-text entries resolve to canonical ids through
 * the lexicons; areas, concerns, ingredients and procedure types are closed lists with names.
 *
 * @param allergens ingredients of the procedures and other allergens (fish, anaesthetics)
 * @param asserter  how a free-text entry speaks of what it names: negated, someone else's, past...
 */
public record Vocabulary(Lexicon conditions, Lexicon medications, Lexicon allergens,
                         Map<String, Localized> areas, Map<String, Concern> concerns,
                         Map<String, Localized> ingredients, Map<String, Localized> procedureTypes,
                         Asserter asserter) {

    public Vocabulary {
        areas = Ordered.copy(areas);
        concerns = Ordered.copy(concerns);
        ingredients = Ordered.copy(ingredients);
        procedureTypes = Ordered.copy(procedureTypes);
    }
}
