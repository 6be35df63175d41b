package mesoscreen.text;

import java.util.Map;

/** A text in every language of the rule set; the first language is the fallback. */
public record Localized(Map<String, String> byLanguage, String fallback) {

    public Localized {
        byLanguage = Map.copyOf(byLanguage);
    }

    public String in(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(fallback));
    }
}
