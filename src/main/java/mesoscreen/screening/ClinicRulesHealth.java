package mesoscreen.screening;

import io.quarkus.runtime.Startup;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import jakarta.inject.Singleton;

/**
 * One wellness check per clinic, "rules-reload clinic-b", beside the base set's "rules-reload": each
 * clinic's set is reloaded on its own, so each says on its own whether its last reload held.
 */
@Startup
@Singleton
public class ClinicRulesHealth {
    ClinicRulesHealth(RuleSetRegistry registry, @Wellness HealthRegistry wellness) {
        for (RuleSetHolder holder : registry.holders()) {
            if (holder.clinic() != null) {
                String name = "rules-reload " + holder.clinic();
                wellness.register(name, () -> RulesReloadHealth.report(name, holder));
            }
        }
    }
}
