package mesoscreen.access;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import mesoscreen.MesoscreenConfig;
import mesoscreen.http.ErrorResponses;
import mesoscreen.http.ProblemMappers;
import mesoscreen.http.Refusal;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call /v1, /fhir and /admin, and how often. With API keys configured, every /v1 and /fhir
 * request needs one (X-API-Key), compared in constant time; /admin needs the admin key. Identity is
 * decided before the path and method are matched, so a stranger learns nothing of which endpoints
 * or methods exist. Wrong keys spend a failure budget per client and per presented key; with a rate
 * limit, each clinic (or client address, when the API is open) gets that many requests a minute.
 * Either, once exhausted, is a 429 with Retry-After. The budgets and quotas are the {@link Limits}:
 * shared by every replica through the shared store when there is one, this replica's own otherwise.
 */
@Singleton
public class AccessControl {
    static final String HEADER = "X-API-Key";
    private static final String CHECKED = AccessControl.class.getName() + ".checked";

    // Filters are built before runtime configuration is available, so the keys are read on first use.
    private final Instance<MesoscreenConfig> config;
    private final AdminKey admin;
    private final ErrorResponses errors;
    private final Limits limits;
    private volatile ApiKeys keys;

    AccessControl(Instance<MesoscreenConfig> config, AdminKey admin, ErrorResponses errors, Limits limits) {
        this.config = config;
        this.admin = admin;
        this.errors = errors;
        this.limits = limits;
    }

    private ApiKeys keys() {
        ApiKeys current = keys;
        if (current == null) {
            current = ApiKeys.of(config.get().apiKeys().orElse(List.of()));
            keys = current;
        }
        return current;
    }

    /**
     * Before matching: any method on any spelling of a protected path. Null when the request may go on at
     * once (no store to ask), so that a replica without one pays nothing for the asynchronous form.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> identify(ContainerRequestContext request, HttpServerRequest http) {
        String path = canonical(request.getUriInfo().getPath());
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            request.setProperty(CHECKED, Boolean.TRUE);
            return checkAdmin(request, http);
        }
        if (isApi(path) || isCds(path)) {
            request.setProperty(CHECKED, Boolean.TRUE);
            return check(request, http);
        }
        return null;
    }

    /** After matching: a /v1, /fhir or /admin resource reached by a spelling the check above missed. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> verify(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (request.getProperty(CHECKED) != null || resource.getResourceClass() == null) {
            return null;
        }
        jakarta.ws.rs.Path path = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        String declared = path == null ? "" : canonical(path.value());
        if (declared.equals("/admin") || declared.startsWith("/admin/")) {
            return checkAdmin(request, http);
        }
        return isApi(declared) || isCds(declared) ? check(request, http) : null;
    }

    private Uni<Response> check(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        String source = "address:" + ClientAddress.of(http.remoteAddress());
        ApiKeys keys = keys();
        Attempt attempt;
        // CDS Hooks calls carry a signed JWT instead of an API key, and share the rate limit.
        if (!keys.isEmpty() && !isCds(canonical(path))) {
            String given = request.getHeaderString(HEADER);
            if (given == null) {
                // Nothing was guessed, so nothing is spent.
                return refused(Refusal.unauthorized("send your API key in the X-API-Key header", HEADER), path);
            }
            String clinic = keys.clinic(given);
            attempt = new Attempt(Attempt.Budget.API, List.of(source, "key:" + Secrets.fingerprint(given)),
                    clinic != null, "clinic:" + clinic);
        } else if (limits.perMinute() > 0) {
            attempt = new Attempt(Attempt.Budget.API, List.of(), true, source);
        } else {
            return null;
        }
        if (limits.shared()) {
            return limits.decide(attempt).map(decision -> respond(decision, path));
        }
        Response refused = respond(limits.decideHere(attempt), path);
        return refused == null ? null : Uni.createFrom().item(refused);
    }

    private Response respond(Attempt.Decision decision, String path) {
        return switch (decision.outcome()) {
            case PASS -> null;
            case HELD_BACK -> errors.refuse(FailureBudget.refusal(decision.retryAfter()), path);
            case WRONG_KEY -> errors.refuse(Refusal.unauthorized("this API key is not valid", HEADER), path);
            case OVER_QUOTA -> errors.refuse(Refusal.tooManyRequests("more than " + limits.perMinute()
                    + " requests a minute", decision.retryAfter()), path);
        };
    }

    private Uni<Response> checkAdmin(ContainerRequestContext request, HttpServerRequest http) {
        if (!admin.configured()) {
            return Uni.createFrom().item(ProblemMappers.respond(ProblemMappers.httpProblem(404)));
        }
        return admin.check(request.getHeaderString(AdminKey.HEADER), ClientAddress.of(http.remoteAddress()))
                .map(refusal -> refusal == null ? null : errors.refuse(refusal, null));
    }

    /** The refusal as a problem (an OperationOutcome under /fhir), with Retry-After or the key it wants. */
    private Uni<Response> refused(Refusal refusal, String path) {
        return Uni.createFrom().item(errors.refuse(refusal, path));
    }

    private static boolean isCds(String path) {
        return path.equals("/cds-services") || path.startsWith("/cds-services/");
    }

    private static boolean isApi(String path) {
        return path.equals("/v1") || path.startsWith("/v1/") || path.equals("/fhir") || path.startsWith("/fhir/");
    }

    /**
     * The path as a router might read it, at its most inclusive: lower case, without empty, "." and
     * matrix-parameter parts, ".." applied. Being too inclusive only asks for a key where none was needed.
     */
    static String canonical(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.toLowerCase(Locale.ROOT).split("/")) {
            int matrix = part.indexOf(';');
            String segment = (matrix >= 0 ? part.substring(0, matrix) : part).trim();
            if (segment.equals("..")) {
                parts.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(segment);
            }
        }
        return "/" + String.join("/", parts);
    }
}
