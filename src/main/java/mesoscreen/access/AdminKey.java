package mesoscreen.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import mesoscreen.MesoscreenConfig;
import mesoscreen.http.Refusal;

/**
 * The admin key (X-Admin-Key) of the reload endpoint and of the health details. Its guesses have a
 * budget of their own, smaller than the API keys': three free failures per client and per
 * presented key, then a doubling wait; shared by every replica when there is a shared store.
 */
@Singleton
public class AdminKey {
    static final String HEADER = "X-Admin-Key";

    // Filters and providers are built before runtime configuration is available: read on use.
    private final Instance<MesoscreenConfig> config;
    private final Limits limits;

    AdminKey(Instance<MesoscreenConfig> config, Limits limits) {
        this.config = config;
        this.limits = limits;
    }

    boolean configured() {
        return config.get().adminKey().isPresent();
    }

    /** Null when {@code given} is the admin key; otherwise why not (401, or 429 once the budget is spent). */
    Uni<Refusal> check(String given, String client) {
        if (given == null) {
            return Uni.createFrom().item(wrong());
        }
        boolean right = config.get().adminKey().map(key -> Secrets.matches(given, key)).orElse(false);
        Attempt attempt = new Attempt(Attempt.Budget.ADMIN, List.of("address:" + client, "key:" + Secrets.fingerprint(given)),
                right, null);
        return limits.decide(attempt).map(decision -> switch (decision.outcome()) {
            case PASS -> null;
            case HELD_BACK, OVER_QUOTA -> FailureBudget.refusal(decision.retryAfter());
            case WRONG_KEY -> wrong();
        });
    }

    private static Refusal wrong() {
        return Refusal.unauthorized("send the admin key in " + HEADER, HEADER);
    }
}
