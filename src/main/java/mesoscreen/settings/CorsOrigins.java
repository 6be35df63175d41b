package mesoscreen.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mesoscreen.Origins;
import mesoscreen.text.Suggestions;

/**
 * {@code MESOSCREEN_CORS_ORIGINS}: the clinic websites allowed to call from a browser, comma separated.
 * Each must be an origin, {@code scheme://host[:port]}: a browser sends exactly that, so anything else
 * (a path, a trailing slash, no scheme) would never match, and the clinic's form would fail unexplained.
 * The one reading of the list: {@code StartupSettings} reports its faults, the CORS filter uses its origins.
 */
public final class CorsOrigins {
    public static final String VARIABLE = "MESOSCREEN_CORS_ORIGINS";

    private CorsOrigins() {
    }

    /** The allowed origins, normalised ({@link Origins#normal}); {@code any}: every website, for '*' when meant. */
    public record Parsed(Set<String> origins, boolean any, List<SettingError> errors) {
        public Parsed {
            origins = Set.copyOf(origins);
            errors = List.copyOf(errors);
        }

        /** Whether a browser's Origin header names an allowed website. */
        public boolean allows(String origin) {
            return any || origins.contains(Origins.normal(origin));
        }
    }

    /** The faults of the list; none when it is good. */
    public static List<SettingError> check(String raw, boolean allowAny, boolean credentials) {
        return parse(raw, allowAny, credentials).errors();
    }

    /**
     * @param raw the list as set; null or blank when no origin is allowed
     * @param allowAny whether '*' (every website) is meant ({@code MESOSCREEN_CORS_ALLOW_ANY})
     * @param credentials whether browsers are invited to send credentials, which '*' must never do
     */
    public static Parsed parse(String raw, boolean allowAny, boolean credentials) {
        Set<String> origins = new LinkedHashSet<>();
        List<SettingError> errors = new ArrayList<>();
        boolean any = false;
        if (raw == null || raw.isBlank()) {
            return new Parsed(origins, false, errors);
        }
        String[] entries = raw.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String at = "entry " + (i + 1) + " of " + entries.length;
            String normal = Origins.normal(entry);
            if (entry.isEmpty()) {
                errors.add(new SettingError(VARIABLE, at + " is empty (two commas in a row, or one at an end)"));
            } else if (entry.equals("*") && !allowAny) {
                errors.add(new SettingError(VARIABLE, at + " '*' lets every website call the API from a browser;"
                        + " set MESOSCREEN_CORS_ALLOW_ANY=true if that is meant"));
            } else if (entry.equals("*") && credentials) {
                errors.add(new SettingError(VARIABLE, at + " '*' cannot be combined with"
                        + " MESOSCREEN_CORS_ALLOW_CREDENTIALS"));
            } else if (entry.equals("*")) {
                any = true;
            } else if (normal == null) {
                errors.add(new SettingError(VARIABLE, at + " '" + Suggestions.shown(entry)
                        + "' is not an origin; write scheme://host[:port], e.g. https://clinic.example"));
            } else {
                origins.add(normal);
            }
        }
        return new Parsed(origins, any, errors);
    }
}
