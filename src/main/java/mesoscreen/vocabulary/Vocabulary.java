package mesoscreen.vocabulary;

import java.util.Map;
import mesoscreen.text.Localized;

/**
 * What the words of a request mean: coded and free-text entries resolve to canonical ids through
 * the lexicons; areas, concerns, ingredients and procedure types are closed lists with names.
 *
 * @param allergens ingredients of the procedures and other allergens (fish, anaesthetics)
 */
public record Vocabulary(Lexicon conditions, Lexicon medications, Lexicon allergens,
                         Map<String, Localized> areas, Map<String, Concern> concerns,
                         Map<String, Localized> ingredients, Map<String, Localized> procedureTypes) {
}
