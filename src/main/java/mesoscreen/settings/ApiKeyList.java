package mesoscreen.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code MESOSCREEN_API_KEYS}: {@code clinic=key} entries, comma separated. Every fault is named by its
 * entry's position, never by its text: a malformed entry may be a key.
 */
public final class ApiKeyList {
    public static final String VARIABLE = "MESOSCREEN_API_KEYS";

    private ApiKeyList() {
    }

    /** Clinic name to key, in the order given, and what is wrong with the list. */
    public record Parsed(Map<String, String> keys, List<SettingError> errors) {
        public Parsed {
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
            errors = List.copyOf(errors);
        }
    }

    /** @param raw the list as set; null when it is not set (the API is then open) */
    public static Parsed parse(String raw) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<SettingError> errors = new ArrayList<>();
        if (raw == null) {
            return new Parsed(keys, errors);
        }
        if (raw.isBlank()) {
            errors.add(error("is set but empty; give clinic=key entries, or unset it to leave the API open"));
            return new Parsed(keys, errors);
        }
        String[] entries = raw.split(",", -1);
        Map<String, Integer> clinics = new HashMap<>();
        Map<String, Integer> secrets = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String at = "entry " + (i + 1) + " of " + entries.length;
            int split = entry.indexOf('=');
            if (entry.isEmpty()) {
                errors.add(error(at + " is empty (two commas in a row, or one at an end)"));
            } else if (split < 0) {
                errors.add(error(at + " has no '='; each entry is clinic=key"));
            } else if (entry.substring(0, split).isBlank()) {
                errors.add(error(at + " has no clinic name before '='"));
            } else if (entry.substring(split + 1).isBlank()) {
                errors.add(error(at + " has no key after '='"));
            } else {
                String clinic = entry.substring(0, split).trim();
                String key = entry.substring(split + 1).trim();
                Integer sameClinic = clinics.putIfAbsent(clinic, i + 1);
                Integer sameKey = secrets.putIfAbsent(key, i + 1);
                if (sameClinic != null) {
                    errors.add(error(at + " names the same clinic as entry " + sameClinic + "; one key a clinic"));
                } else if (sameKey != null) {
                    errors.add(error(at + " has the same key as entry " + sameKey + "; every clinic needs its own"));
                } else {
                    keys.put(clinic, key);
                }
            }
        }
        return new Parsed(errors.isEmpty() ? keys : Map.of(), errors);
    }

    private static SettingError error(String problem) {
        return new SettingError(VARIABLE, problem);
    }
}
