package mesoscreen.access;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import mesoscreen.MesoscreenConfig;
import mesoscreen.http.ErrorResponses;
import mesoscreen.http.Problem;
import mesoscreen.http.ProblemMappers;
import mesoscreen.http.Refusal;
import mesoscreen.http.RequestClinic;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.settings.ApiKeyList;
import mesoscreen.settings.InvalidSettings;
import mesoscreen.settings.SettingError;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call /v1, /fhir and /admin, and how often. With API keys configured, every /v1 and /fhir
 * request needs one (X-API-Key), compared in constant time; /admin needs the admin key. Identity is
 * decided before the path and method are matched, so a stranger learns nothing of which endpoints
 * or methods exist. Wrong keys spend a failure budget per client and per presented key; with a rate
 * limit, each clinic (or client address, when the API is open) gets that many requests a minute.
 * Either, once exhausted, is a 429 with Retry-After. The budgets and quotas are the {@link Limits}:
 * shared by every replica through the shared store when there is one, this replica's own otherwise.
 *
 * <p>A publishable key (MESOSCREEN_PUBLISHABLE_KEYS) is one a clinic's web page may show: it identifies
 * the clinic like a secret key, but only for what the drop-in form does (read the questionnaire and the
 * procedures, post a JSON intake), only from the clinic's own websites (its clinic.yaml origins), and
 * with its own quota per client address, so a page cannot spend the clinic's server-to-server quota.
 */
@Singleton
public class AccessControl {
    static final String HEADER = "X-API-Key";
    private static final String CHECKED = AccessControl.class.getName() + ".checked";

    // Filters are built before runtime configuration is available, so the keys are read on first use.
    private final Instance<MesoscreenConfig> config;
    private final Instance<RuleSetRegistry> registry;
    private final AdminKey admin;
    private final ErrorResponses errors;
    private final Limits limits;
    private volatile Keys keys;

    AccessControl(Instance<MesoscreenConfig> config, Instance<RuleSetRegistry> registry, AdminKey admin,
                  ErrorResponses errors, Limits limits) {
        this.config = config;
        this.registry = registry;
        this.admin = admin;
        this.errors = errors;
        this.limits = limits;
    }

    /** The secret and the publishable keys, read once. */
    private record Keys(ApiKeys secret, ApiKeys publishable) {
    }

    private Keys keys() {
        Keys current = keys;
        if (current == null) {
            MesoscreenConfig settings = config.get();
            current = new Keys(ApiKeys.of(settings.apiKeys().orElse(List.of())),
                    ApiKeys.of(ApiKeyList.PUBLISHABLE, settings.publishableKeys().orElse(List.of())));
            keys = current;
        }
        return current;
    }

    /**
     * A publishable key works only from its clinic's websites, so a key whose clinic lists none (or has no
     * overlay in the clinics folder) could never work: that stops the start, as a malformed key does.
     */
    void publishableKeysHaveWebsites(@Observes StartupEvent event, RuleSetRegistry rules) {
        List<SettingError> errors = new ArrayList<>();
        List<String> entries = config.get().publishableKeys().orElse(List.of());
        ApiKeys publishable = ApiKeys.of(ApiKeyList.PUBLISHABLE, entries);
        for (int i = 0; i < publishable.entries().size(); i++) {
            var clinic = rules.current(publishable.entries().get(i).clinic()).clinic();
            if (clinic == null || clinic.origins().isEmpty()) {
                errors.add(new SettingError(ApiKeyList.PUBLISHABLE, "entry " + (i + 1) + " names a clinic with no"
                        + " websites: give it a folder in MESOSCREEN_CLINICS_DIR whose clinic.yaml lists its origins"));
            }
        }
        if (!errors.isEmpty()) {
            InvalidSettings invalid = new InvalidSettings(errors);
            org.jboss.logging.Logger.getLogger(AccessControl.class).error(invalid.getMessage());
            throw invalid;
        }
    }

    /**
     * Before matching: any method on any spelling of a protected path. Null when the request may go on at
     * once (no store to ask), so that a replica without one pays nothing for the asynchronous form.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> identify(ContainerRequestContext request, HttpServerRequest http, RoutingContext routing) {
        String path = canonical(request.getUriInfo().getPath());
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            request.setProperty(CHECKED, Boolean.TRUE);
            return checkAdmin(request, http);
        }
        if (isApi(path) || isCds(path)) {
            request.setProperty(CHECKED, Boolean.TRUE);
            return check(request, http, routing);
        }
        return null;
    }

    /** After matching: a /v1, /fhir or /admin resource reached by a spelling the check above missed. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> verify(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http,
                                RoutingContext routing) {
        if (request.getProperty(CHECKED) != null || resource.getResourceClass() == null) {
            return null;
        }
        jakarta.ws.rs.Path path = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        String declared = path == null ? "" : canonical(path.value());
        if (declared.equals("/admin") || declared.startsWith("/admin/")) {
            return checkAdmin(request, http);
        }
        return isApi(declared) || isCds(declared) ? check(request, http, routing) : null;
    }

    private Uni<Response> check(ContainerRequestContext request, HttpServerRequest http, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        String address = ClientAddress.of(http.remoteAddress());
        String source = "address:" + address;
        Keys keys = keys();
        Attempt attempt;
        // CDS Hooks calls carry a signed JWT instead of an API key, and share the rate limit.
        if (!keys.secret().isEmpty() && !isCds(canonical(path))) {
            String given = request.getHeaderString(HEADER);
            if (given == null) {
                // Nothing was guessed, so nothing is spent.
                return refused(Refusal.unauthorized("send your API key in the X-API-Key header", HEADER), path);
            }
            List<String> subjects = List.of(source, "key:" + Secrets.fingerprint(given));
            String clinic = keys.secret().clinic(given);
            String quota = "clinic:" + clinic;
            if (clinic == null && (clinic = keys.publishable().clinic(given)) != null) {
                String refusal = PublishableUse.refusal(request, canonical(path), registry.get().current(clinic));
                if (refusal != null) {
                    return refused(new Refusal(Problem.of(403, "publishable-key-not-allowed", refusal, null), 0), path);
                }
                // A page's quota: per client address, apart from the clinic's server-to-server quota.
                quota = "page:" + clinic + ":" + address;
            }
            if (clinic != null) {
                RequestClinic.set(routing, clinic);
            }
            attempt = new Attempt(Attempt.Budget.API, subjects, clinic != null, quota);
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
        ApiKeys publishable = keys().publishable();
        if (!publishable.isEmpty() && (publishable.clinic(request.getHeaderString(AdminKey.HEADER)) != null
                || publishable.clinic(request.getHeaderString(HEADER)) != null)) {
            // Shown on web pages, so never a key to anything but the form's calls.
            return refused(new Refusal(Problem.of(403, "publishable-key-not-allowed", "a publishable key opens"
                    + " nothing under /admin; reloading the rules needs the admin key in X-Admin-Key", null), 0), null);
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
