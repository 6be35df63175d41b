package mesoscreen.access;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import mesoscreen.MesoscreenConfig;
import mesoscreen.http.Refusal;

/**
 * The admin key (X-Admin-Key) of the reload endpoint and of the health details. Its guesses have a
 * budget of their own, smaller than the API keys': three free failures per client and per
 * presented key, then a doubling wait.
 */
@Singleton
public class AdminKey {
    static final String HEADER = "X-Admin-Key";
    private static final int FREE_FAILURES = 3;

    // Filters and providers are built before runtime configuration is available: read on first use.
    private final Instance<MesoscreenConfig> config;
    private volatile FailureBudget failures;

    AdminKey(Instance<MesoscreenConfig> config) {
        this.config = config;
    }

    boolean configured() {
        return config.get().adminKey().isPresent();
    }

    /** Null when {@code given} is the admin key; otherwise why not (401, or 429 once the budget is spent). */
    Refusal check(String given, String client) {
        if (given == null) {
            return Refusal.unauthorized("send the admin key in " + HEADER, HEADER);
        }
        String presented = "key:" + Secrets.fingerprint(given);
        long wait = failures().wait(client, presented);
        if (wait > 0) {
            return FailureBudget.refusal(wait);
        }
        if (config.get().adminKey().map(key -> Secrets.matches(given, key)).orElse(false)) {
            return null;
        }
        failures().fail(client, presented);
        return Refusal.unauthorized("send the admin key in " + HEADER, HEADER);
    }

    private FailureBudget failures() {
        FailureBudget current = failures;
        if (current == null) {
            synchronized (this) {
                if (failures == null) {
                    failures = new FailureBudget(FREE_FAILURES, config.get().rateLimitClients());
                }
                current = failures;
            }
        }
        return current;
    }
}
