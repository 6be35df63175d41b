package mesoscreen.access;

import io.quarkus.runtime.StartupEvent;
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
 * or methods exist. Wrong keys spend a {@link FailureBudget} per client and per presented key; with
 * a rate limit, each clinic (or client address, when the API is open) gets that many requests a
 * minute. Either, once exhausted, is a 429 with Retry-After.
 *
 * <p>A publishable key (MESOSCREEN_PUBLISHABLE_KEYS) is one a clinic's web page may show: it identifies
 * the clinic like a secret key, but only for what the drop-in form does (read the questionnaire and the
 * procedures, post a JSON intake), only from the clinic's own websites (its clinic.yaml origins), and
 * with its own quota per client address, so a page cannot spend the clinic's server-to-server quota.
 */
@Singleton
public class AccessControl {
    static final String HEADER = "X-API-Key";
    /** Wrong API keys a client (or a key) may present before it has to wait. */
    static final int FREE_FAILURES = 10;
    private static final String CHECKED = AccessControl.class.getName() + ".checked";

    // Filters are built before runtime configuration is available, so the policy is read on first use.
    private final Instance<MesoscreenConfig> config;
    private final Instance<RuleSetRegistry> registry;
    private final AdminKey admin;
    private final ErrorResponses errors;
    private volatile Policy policy;

    AccessControl(Instance<MesoscreenConfig> config, Instance<RuleSetRegistry> registry, AdminKey admin,
                  ErrorResponses errors) {
        this.config = config;
        this.registry = registry;
        this.admin = admin;
        this.errors = errors;
    }

    /** The secret and publishable keys, the rate limit (null: none) and the failure budget, read once. */
    private record Policy(ApiKeys keys, ApiKeys publishable, RateLimit rate, FailureBudget failures) {
        static Policy of(MesoscreenConfig config) {
            int clients = config.rateLimitClients();
            return new Policy(ApiKeys.of(config.apiKeys().orElse(List.of())),
                    ApiKeys.of(ApiKeyList.PUBLISHABLE, config.publishableKeys().orElse(List.of())),
                    config.rateLimitPerMinute() > 0 ? new RateLimit(config.rateLimitPerMinute(), clients) : null,
                    new FailureBudget(FREE_FAILURES, clients));
        }
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

    private Policy policy() {
        Policy current = policy;
        if (current == null) {
            synchronized (this) {
                if (policy == null) {
                    policy = Policy.of(config.get());
                }
                current = policy;
            }
        }
        return current;
    }

    /** Before matching: any method on any spelling of a protected path. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response identify(ContainerRequestContext request, HttpServerRequest http, RoutingContext routing) {
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
    public Response verify(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http,
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

    private Response check(ContainerRequestContext request, HttpServerRequest http, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        Policy policy = policy();
        String address = ClientAddress.of(http.remoteAddress());
        String source = "address:" + address;
        String counted = source;
        // CDS Hooks calls carry a signed JWT instead of an API key, and share the rate limit.
        if (!policy.keys().isEmpty() && !isCds(canonical(path))) {
            String given = request.getHeaderString(HEADER);
            if (given == null) {
                // Nothing was guessed, so nothing is spent.
                return refuse(Refusal.unauthorized("send your API key in the X-API-Key header", HEADER), path);
            }
            String presented = "key:" + Secrets.fingerprint(given);
            long wait = policy.failures().wait(source, presented);
            if (wait > 0) {
                return refuse(FailureBudget.refusal(wait), path);
            }
            String clinic = policy.keys().clinic(given);
            if (clinic != null) {
                counted = "clinic:" + clinic;
            } else {
                clinic = policy.publishable().clinic(given);
                if (clinic == null) {
                    policy.failures().fail(source, presented);
                    return refuse(Refusal.unauthorized("this API key is not valid", HEADER), path);
                }
                String refused = PublishableUse.refusal(request, canonical(path), registry.get().current(clinic));
                if (refused != null) {
                    return refuse(new Refusal(Problem.of(403, "publishable-key-not-allowed", refused, null), 0), path);
                }
                // A page's quota: per client address, apart from the clinic's server-to-server quota.
                counted = "page:" + clinic + ":" + address;
            }
            RequestClinic.set(routing, clinic);
        }
        if (policy.rate() != null) {
            long wait = policy.rate().take(counted);
            if (wait > 0) {
                return refuse(Refusal.tooManyRequests("more than " + policy.rate().perMinute() + " requests a minute",
                        wait), path);
            }
        }
        return null;
    }

    private Response checkAdmin(ContainerRequestContext request, HttpServerRequest http) {
        if (!admin.configured()) {
            return ProblemMappers.respond(ProblemMappers.httpProblem(404));
        }
        ApiKeys publishable = policy().publishable();
        if (!publishable.isEmpty() && (publishable.clinic(request.getHeaderString(AdminKey.HEADER)) != null
                || publishable.clinic(request.getHeaderString(HEADER)) != null)) {
            // Shown on web pages, so never a key to anything but the form's calls.
            return refuse(new Refusal(Problem.of(403, "publishable-key-not-allowed", "a publishable key opens"
                    + " nothing under /admin; reloading the rules needs the admin key in X-Admin-Key", null), 0), null);
        }
        Refusal refusal = admin.check(request.getHeaderString(AdminKey.HEADER), ClientAddress.of(http.remoteAddress()));
        return refusal == null ? null : refuse(refusal, null);
    }

    /** The refusal as a problem (an OperationOutcome under /fhir), with Retry-After or the key it wants. */
    private Response refuse(Refusal refusal, String path) {
        return errors.refuse(refusal, path);
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
