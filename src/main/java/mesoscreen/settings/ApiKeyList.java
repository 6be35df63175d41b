package mesoscreen.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code MESOSCREEN_API_KEYS}: {@code clinic=key} entries, comma separated. Every fault is named by its
 * entry's position, never by its text: a malformed entry may be a key.
 */
public final class ApiKeyList {
    public static final String VARIABLE = "MESOSCREEN_API_KEYS";
    /** Publishable keys, in the same format: keys a clinic's web page may show (see {@code AccessControl}). */
    public static final String PUBLISHABLE = "MESOSCREEN_PUBLISHABLE_KEYS";

    private ApiKeyList() {
    }

    /** One {@code clinic=key} entry. */
    public record Entry(String clinic, String key) {
    }

    /** The entries, in the order given, and what is wrong with the list. */
    public record Parsed(List<Entry> entries, List<SettingError> errors) {
        public Parsed {
            entries = List.copyOf(entries);
            errors = List.copyOf(errors);
        }

        /** How many clinics hold keys. */
        public long clinics() {
            return entries.stream().map(Entry::clinic).distinct().count();
        }
    }

    /**
     * A clinic may hold two keys at once, so that it can roll a new one out before the old one is
     * withdrawn; a third is a mistake, and so is one key given twice.
     *
     * @param raw the list as set; null when it is not set (the API is then open)
     */
    public static Parsed parse(String raw) {
        return parse(VARIABLE, raw);
    }

    /** {@link #parse(String)} of the list set as {@code variable}, whose faults it names. */
    public static Parsed parse(String variable, String raw) {
        List<Entry> keys = new ArrayList<>();
        List<SettingError> errors = new ArrayList<>();
        if (raw == null) {
            return new Parsed(keys, errors);
        }
        if (raw.isBlank()) {
            errors.add(error(variable, "is set but empty; give clinic=key entries, or unset it to leave the API open"));
            return new Parsed(keys, errors);
        }
        String[] entries = raw.split(",", -1);
        Map<String, List<Integer>> clinics = new HashMap<>();
        Map<String, Integer> secrets = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String at = "entry " + (i + 1) + " of " + entries.length;
            int split = entry.indexOf('=');
            if (entry.isEmpty()) {
                errors.add(error(variable, at + " is empty (two commas in a row, or one at an end)"));
            } else if (split < 0) {
                errors.add(error(variable, at + " has no '='; each entry is clinic=key"));
            } else if (entry.substring(0, split).isBlank()) {
                errors.add(error(variable, at + " has no clinic name before '='"));
            } else if (entry.substring(split + 1).isBlank()) {
                errors.add(error(variable, at + " has no key after '='"));
            } else {
                String clinic = entry.substring(0, split).trim();
                String key = entry.substring(split + 1).trim();
                List<Integer> sameClinic = clinics.computeIfAbsent(clinic, c -> new ArrayList<>());
                Integer sameKey = secrets.putIfAbsent(key, i + 1);
                if (sameKey != null) {
                    errors.add(error(variable, at + " has the same key as entry " + sameKey + "; every key is one clinic's own"));
                } else if (sameClinic.size() >= 2) {
                    errors.add(error(variable, at + " gives the clinic of entries " + sameClinic.get(0) + " and " + sameClinic.get(1)
                            + " a third key; a clinic holds two at most, while it rotates them"));
                } else {
                    sameClinic.add(i + 1);
                    keys.add(new Entry(clinic, key));
                }
            }
        }
        return new Parsed(errors.isEmpty() ? keys : List.of(), errors);
    }

    /**
     * The faults of the two lists together: publishable keys need secret keys (without them the API is
     * open, and a page needs no key), and no key may be both, or a page would show a secret key.
     */
    public static List<SettingError> together(Parsed secret, Parsed publishable) {
        List<SettingError> errors = new ArrayList<>();
        if (!publishable.entries().isEmpty() && secret.entries().isEmpty()) {
            errors.add(error(PUBLISHABLE, "is set without " + VARIABLE + "; an open API needs no key on a page,"
                    + " so set secret keys too or unset the publishable ones"));
        }
        for (int i = 0; i < publishable.entries().size(); i++) {
            String key = publishable.entries().get(i).key();
            if (secret.entries().stream().anyMatch(e -> e.key().equals(key))) {
                errors.add(error(PUBLISHABLE, "entry " + (i + 1) + " is also a key of " + VARIABLE
                        + "; a publishable key is shown on web pages, so it can never be a secret one"));
            }
        }
        return errors;
    }

    private static SettingError error(String variable, String problem) {
        return new SettingError(variable, problem);
    }
}
