package mesoscreen.access;

import java.util.List;
import mesoscreen.settings.ApiKeyList;

/**
 * The API keys of {@code mesoscreen.api-keys}: {@code clinic=key} entries. A clinic may have several
 * keys at once, so that it can roll a new one out before the old one is withdrawn; a key may belong
 * to one clinic only.
 */
record ApiKeys(List<Entry> entries) {

    record Entry(String clinic, String key) {
    }

    /** The keys of a list that {@code StartupSettings} has already checked. */
    static ApiKeys of(List<String> settings) {
        return of(ApiKeyList.VARIABLE, settings);
    }

    /** The keys of {@code variable}'s list. */
    static ApiKeys of(String variable, List<String> settings) {
        if (settings.isEmpty()) {
            return new ApiKeys(List.of());
        }
        ApiKeyList.Parsed parsed = ApiKeyList.parse(variable, String.join(",", settings));
        if (!parsed.errors().isEmpty()) {
            throw new IllegalStateException(parsed.errors().get(0).render());
        }
        return new ApiKeys(parsed.entries().stream().map(e -> new Entry(e.clinic(), e.key())).toList());
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
