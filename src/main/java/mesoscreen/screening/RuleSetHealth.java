package mesoscreen.screening;

import jakarta.enterprise.context.ApplicationScoped;
import mesoscreen.rules.RuleSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a rule set is in force; reports which one, so replicas can be compared. */
@Readiness
@ApplicationScoped
public class RuleSetHealth implements HealthCheck {
    private final RuleSetRegistry registry;

    RuleSetHealth(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        RuleSet rules = registry.current();
        return HealthCheckResponse.named("rules").up()
                .withData("version", rules.version())
                .withData("digest", rules.digest())
                .withData("rules", rules.rules().size())
                .build();
    }
}
