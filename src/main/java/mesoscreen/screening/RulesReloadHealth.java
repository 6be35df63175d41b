package mesoscreen.screening;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * DOWN when the last reload of the rules failed, with its errors: the service still serves the
 * last good rules (so readiness stays UP), but whoever changed the folder must look.
 */
@Wellness
@ApplicationScoped
public class RulesReloadHealth implements HealthCheck {
    private final RuleSetRegistry registry;

    RulesReloadHealth(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return report("rules-reload", registry.holders().get(0));
    }

    /** One set's check: UP while its last reload held, with the set in force. */
    static HealthCheckResponse report(String name, RuleSetHolder holder) {
        RuleSetRegistry.Reload last = holder.lastReload();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name)
                .withData("inForce", holder.current().digest())
                .withData("version", holder.current().version());
        if (last == null) {
            return response.up().withData("lastReload", "none").build();
        }
        response.withData("lastReload", last.at().toString());
        if (!last.failed()) {
            return response.up().build();
        }
        for (int i = 0; i < last.errors().size(); i++) {
            response.withData("error" + (i + 1), last.errors().get(i));
        }
        return response.down().build();
    }
}
