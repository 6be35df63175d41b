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
        RuleSetRegistry.Reload last = registry.lastReload();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules-reload")
                .withData("inForce", registry.current().digest());
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
