package mesoscreen.access;

import io.smallrye.health.api.Wellness;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/well}: whether the shared store answers. DOWN during an outage, when each replica keeps
 * its own limits and signed CDS Hooks calls are refused; never a readiness check, so that one Redis outage
 * does not take every replica out of the Service. Its data (shown with the admin key) say since when and why.
 */
@Wellness
@Singleton
public class SharedStoreHealth implements HealthCheck {
    private final SharedStore store;

    SharedStoreHealth(SharedStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        SharedStore.Status status = store.status();
        var response = HealthCheckResponse.named("shared-store");
        if (!status.configured()) {
            return response.up().withData("limits", "per replica: MESOSCREEN_REDIS_URL is not set").build();
        }
        response.withData("store", "redis at " + status.address()).withData("since", status.since().toString());
        if (status.reachable()) {
            return response.up().withData("limits", "shared by every replica").build();
        }
        return response.down().withData("limits", "per replica until the store answers; signed CDS Hooks calls get 503")
                .withData("problem", String.valueOf(status.problem())).build();
    }
}
