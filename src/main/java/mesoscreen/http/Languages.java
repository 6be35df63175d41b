package mesoscreen.http;

import java.util.List;
import java.util.Locale;

/** Picks the response language from Accept-Language among the rule set's languages. */
public final class Languages {
    private Languages() {
    }

    /** The best supported language for the header; the rule set's first language otherwise. */
    public static String choose(String acceptLanguage, List<String> supported) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            // Most clients send one bare tag ("ru"): found without parsing ranges.
            for (String language : supported) {
                if (acceptLanguage.equalsIgnoreCase(language)) {
                    return language;
                }
            }
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String tag = Locale.lookupTag(ranges, supported);
                if (tag != null) {
                    return tag;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is not worth a failed screening: fall back.
            }
        }
        return supported.get(0);
    }
}
