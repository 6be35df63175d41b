package mesoscreen.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jakarta.enterprise.inject.Instance;
import java.util.function.Predicate;
import mesoscreen.MesoscreenConfig;
import mesoscreen.Origins;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.settings.CorsOrigins;
import mesoscreen.settings.StartupSettings;

/**
 * Browsers on other websites (CORS). Only the configured origins (MESOSCREEN_CORS_ORIGINS, and each
 * clinic's websites as its clinic.yaml lists them, read from the sets in force), and the service's own, may call;
 * any other gets a 403 problem, preflight or not. Every answer says {@code Vary: Origin}, since
 * whether it is allowed depends on it. Credentials (cookies) are never invited unless configured:
 * keys travel in a header. Quarkus's own CORS filter is off: it reflects '*', invites credentials
 * and refuses with an empty body.
 */
@Singleton
public class Cors {
    /** Before routing, after the access log. */
    static final int PRIORITY = 300;
    private static final String METHODS = "GET,POST,OPTIONS";
    private static final Set<String> HEADERS = Set.of("content-type", "accept", "accept-language", "x-api-key", "authorization");
    private static final String ALLOWED_HEADERS = "Content-Type,Accept,Accept-Language,X-API-Key,Authorization";
    private static final String EXPOSED = "Content-Language,Retry-After,X-Request-Id";

    /** The origins as {@link CorsOrigins} read them, and whether credentials are invited. */
    record Policy(CorsOrigins.Parsed allowed, boolean credentials) {
        static Policy of(MesoscreenConfig.Cors config) {
            CorsOrigins.Parsed allowed = CorsOrigins.parse(String.join(",", config.origins().orElse(List.of())),
                    config.allowAny(), config.allowCredentials());
            if (!allowed.errors().isEmpty()) {
                // StartupSettings has reported every fault and stopped the start before the routes are built.
                throw new IllegalStateException(allowed.errors().get(0).render());
            }
            return new Policy(allowed, config.allowCredentials());
        }
    }

    // StartupSettings is asked for first: the routes are built before @Startup beans, and a bad setting
    // should be reported with all the others, not alone by the policy below.
    void register(@Observes Filters filters, MesoscreenConfig config, Refusals refusals,
                  StartupSettings settings, Instance<RuleSetRegistry> registry) {
        Policy policy = Policy.of(config.cors());
        // The rules are loaded after the routes are built, so the clinics' origins are read on use.
        Predicate<String> clinics = origin -> registry.get().holders().stream()
                .map(holder -> holder.current().clinic())
                .anyMatch(clinic -> clinic != null && clinic.origins().contains(Origins.normal(origin)));
        filters.register(context -> handle(context, policy, clinics, refusals), PRIORITY);
    }

    private static void varyOnOrigin(HttpServerResponse response) {
        List<String> vary = new ArrayList<>(List.of("Origin"));
        for (String given : response.headers().getAll(HttpHeaders.VARY)) {
            for (String name : given.split(",")) {
                if (!name.isBlank() && !vary.contains(name.strip())) {
                    vary.add(name.strip());
                }
            }
        }
        response.headers().set(HttpHeaders.VARY, String.join(", ", vary));
    }

    private static void handle(RoutingContext context, Policy policy, Predicate<String> clinics, Refusals refusals) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        // At the end, into one Vary with what the resource varies on (Accept-Language on catalogue reads).
        context.addHeadersEndHandler(done -> varyOnOrigin(response));
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
            return;
        }
        boolean same = sameOrigin(request, origin);
        if (!same && !policy.allowed().allows(origin) && !clinics.test(origin)) {
            refusals.send(context, new Refusal(Problem.of(403, "origin-not-allowed",
                    "this website may not call the API from a browser (its Origin is not allowed)", null), 0));
            return;
        }
        if (!same) {
            response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, policy.allowed().any() ? "*" : origin);
            if (policy.credentials()) {
                response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
            response.headers().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
        String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.method() == HttpMethod.OPTIONS && method != null) {
            preflight(context, method, request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS), refusals);
            return;
        }
        context.next();
    }

    private static void preflight(RoutingContext context, String method, String headers, Refusals refusals) {
        if (!List.of(METHODS.split(",")).contains(method.trim())) {
            refusals.send(context, new Refusal(Problem.of(403, "method-not-allowed",
                    "browsers may use GET and POST only", null), 0));
            return;
        }
        for (String header : headers == null ? new String[0] : headers.split(",")) {
            if (!header.isBlank() && !HEADERS.contains(header.trim().toLowerCase(Locale.ROOT))) {
                refusals.send(context, new Refusal(Problem.of(403, "header-not-allowed",
                        "browsers may send Content-Type, Accept, Accept-Language and X-API-Key only", null), 0));
                return;
            }
        }
        context.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
                .setStatusCode(200).end();
    }

    /** The page calling is one of ours (the demo page): same scheme, host and port. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        String host = request.authority() == null ? null : request.authority().toString();
        String own = host == null ? null : Origins.normal(request.scheme() + "://" + host);
        return own != null && own.equals(Origins.normal(origin));
    }
}
