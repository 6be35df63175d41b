package mesoscreen.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API keys of {@code mesoscreen.api-keys}: {@code clinic=key} entries. A clinic may have several
 * keys at once, so that it can roll a new one out before the old one is withdrawn; a key may belong
 * to one clinic only.
 */
record ApiKeys(List<Entry> entries) {

    record Entry(String clinic, String key) {
    }

    static ApiKeys of(List<String> settings) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (String setting : settings) {
            int split = setting.indexOf('=');
            String clinic = split < 0 ? "" : setting.substring(0, split).trim();
            String key = split < 0 ? "" : setting.substring(split + 1).trim();
            if (clinic.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("mesoscreen.api-keys (MESOSCREEN_API_KEYS) entries are clinic=key");
            }
            String owner = owners.putIfAbsent(key, clinic);
            if (owner != null && !owner.equals(clinic)) {
                throw new IllegalArgumentException("mesoscreen.api-keys (MESOSCREEN_API_KEYS) gives one key to the clinics '"
                        + owner + "' and '" + clinic + "'; a key must name one clinic");
            }
            entries.add(new Entry(clinic, key));
        }
        return new ApiKeys(List.copyOf(entries));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The clinic whose key this is, or null. */
    String clinic(String given) {
        String clinic = null;
        for (Entry entry : entries) {
            // Every key is compared, so the time taken does not tell which one nearly matched.
            if (Secrets.matches(given, entry.key())) {
                clinic = entry.clinic();
            }
        }
        return clinic;
    }
}
