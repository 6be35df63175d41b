package mesoscreen.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mesoscreen.MesoscreenConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call /v1 and /fhir, and how often. With API keys configured, every request needs one
 * (X-API-Key), compared in constant time; with a rate limit, each key (or client address, when the
 * API is open) gets that many requests a minute, refilled continuously, and then 429 with Retry-After.
 */
@Singleton
public class AccessControl {
    private static final String HEADER = "X-API-Key";
    /** Beyond this many buckets the oldest are forgotten, so addresses cannot exhaust memory. */
    private static final int MAX_BUCKETS = 10_000;

    // Filters are built before runtime configuration is available, so the policy is read on first use.
    private final Instance<MesoscreenConfig> config;
    private volatile Policy policy;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ErrorResponses errors;

    AccessControl(Instance<MesoscreenConfig> config, ErrorResponses errors) {
        this.config = config;
        this.errors = errors;
    }

    /** Clinic name to key, and requests a minute. */
    private record Policy(Map<String, String> keys, int perMinute) {
        static Policy of(MesoscreenConfig config) {
            Map<String, String> keys = new LinkedHashMap<>();
            for (String entry : config.apiKeys().orElse(List.of())) {
                int split = entry.indexOf('=');
                if (split <= 0 || split == entry.length() - 1) {
                    throw new IllegalArgumentException("mesoscreen.api-keys entries are clinic=key");
                }
                keys.put(entry.substring(0, split).trim(), entry.substring(split + 1).trim());
            }
            return new Policy(Map.copyOf(keys), config.rateLimitPerMinute());
        }
    }

    private Policy policy() {
        Policy current = policy;
        if (current == null) {
            current = Policy.of(config.get());
            policy = current;
        }
        return current;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.startsWith("/fhir/")) {
            return null;
        }
        Map<String, String> keys = policy().keys();
        int perMinute = policy().perMinute();
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
        if (!keys.isEmpty()) {
            String given = request.getHeaderString(HEADER);
            String clinic = null;
            for (Map.Entry<String, String> key : keys.entrySet()) {
                // Every key is compared, so the time taken does not tell which one nearly matched.
                if (Secrets.matches(given, key.getValue())) {
                    clinic = key.getKey();
                }
            }
            if (clinic == null) {
                return withChallenge(path, given);
            }
            client = "key:" + clinic;
        }
        if (perMinute > 0) {
            if (buckets.size() > MAX_BUCKETS) {
                buckets.clear();
            }
            long wait = buckets.computeIfAbsent(client, c -> new Bucket(perMinute)).take(System.nanoTime());
            if (wait > 0) {
                Response refused = errors.respond(Problem.of(429, "too-many-requests",
                        "more than " + perMinute + " requests a minute; retry after " + wait + " s", null), path);
                return Response.fromResponse(refused).header("Retry-After", wait).build();
            }
        }
        return null;
    }

    private Response withChallenge(String path, String given) {
        Response refused = errors.respond(Problem.of(401, "unauthorized",
                given == null ? "send your API key in the X-API-Key header" : "this API key is not valid", null), path);
        return Response.fromResponse(refused).header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"").build();
    }

    /** A token bucket: {@code capacity} requests, refilled at capacity a minute. */
    private static final class Bucket {
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(int perMinute) {
            this.capacity = perMinute;
            this.tokens = perMinute;
            this.last = System.nanoTime();
        }

        /** 0 when a request may go; else the seconds until one may. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 60e9 * capacity);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60 / capacity);
        }
    }
}
