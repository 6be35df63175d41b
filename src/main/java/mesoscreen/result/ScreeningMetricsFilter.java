package mesoscreen.result;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every screening result that leaves, whichever adapter produced it, from the result itself,
 * and times it from the request's arrival.
 */
@Singleton
public class ScreeningMetricsFilter {
    private static final String STARTED = ScreeningMetricsFilter.class.getName() + ".started";
    // Filters are built before the metrics registry is available, so it is looked up on use.
    private final Instance<ScreeningMetrics> metrics;

    ScreeningMetricsFilter(Instance<ScreeningMetrics> metrics) {
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true)
    public void started(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ScreeningResponse result && request.getProperty(STARTED) instanceof Long started) {
            metrics.get().screened(result, System.nanoTime() - started);
        }
    }
}
