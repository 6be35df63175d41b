package mesoscreen.vocabulary;

import java.util.Map;
import mesoscreen.rules.Localized;

/**
 * What the words of a request mean: coded and free-text entries resolve to canonical ids through
 * the lexicons; areas, concerns and ingredients are closed lists with localized names.
 */
public record Vocabulary(Lexicon conditions, Lexicon medications, Lexicon allergens,
                         Map<String, Localized> areas, Map<String, Localized> concerns,
                         Map<String, Localized> ingredients) {
}
