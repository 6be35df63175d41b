package mesoscreen.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mesoscreen.text.Suggestions;

/**
 * {@code MESOSCREEN_CORS_ORIGINS}: the clinic websites allowed to call from a browser, comma separated.
 * Each must be an origin, {@code scheme://host[:port]}: a browser sends exactly that, so anything else
 * (a path, a trailing slash, no scheme) would never match, and the clinic's form would fail unexplained.
 */
public final class CorsOrigins {
    public static final String VARIABLE = "MESOSCREEN_CORS_ORIGINS";

    private CorsOrigins() {
    }

    /**
     * @param raw the list as set; null or blank when no origin is allowed
     * @param allowAny whether '*' (every website) is meant ({@code MESOSCREEN_CORS_ALLOW_ANY})
     * @param credentials whether browsers are invited to send credentials, which '*' must never do
     */
    public static List<SettingError> check(String raw, boolean allowAny, boolean credentials) {
        List<SettingError> errors = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return errors;
        }
        String[] entries = raw.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String at = "entry " + (i + 1) + " of " + entries.length;
            if (entry.isEmpty()) {
                errors.add(new SettingError(VARIABLE, at + " is empty (two commas in a row, or one at an end)"));
            } else if (entry.equals("*") && !allowAny) {
                errors.add(new SettingError(VARIABLE, at + " '*' lets every website call the API from a browser;"
                        + " set MESOSCREEN_CORS_ALLOW_ANY=true if that is meant"));
            } else if (entry.equals("*") && credentials) {
                errors.add(new SettingError(VARIABLE, at + " '*' cannot be combined with"
                        + " MESOSCREEN_CORS_ALLOW_CREDENTIALS"));
            } else if (!entry.equals("*") && !isOrigin(entry)) {
                errors.add(new SettingError(VARIABLE, at + " '" + Suggestions.shown(entry)
                        + "' is not an origin; write scheme://host[:port], e.g. https://clinic.example"));
            }
        }
        return errors;
    }

    static boolean isOrigin(String entry) {
        try {
            URI uri = new URI(entry);
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme())
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
