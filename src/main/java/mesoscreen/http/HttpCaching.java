package mesoscreen.http;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.MesoscreenConfig;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.RuleSetRegistry;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GETs of what only the rule set and the language decide (catalogue, rules,
 * questionnaire, FHIR Questionnaire and CodeSystem): an ETag of the rule-set digest and the
 * language, {@code Vary: Accept-Language}, and 304 when the client's copy is current. A reload that
 * changes the rules changes every ETag. Screening results are never cached ({@code no-store}).
 */
@Singleton
public class HttpCaching {
    /** Paths whose GET answer is a function of the rule set and the language alone. */
    private static final List<String> CACHEABLE = List.of("/v1/procedures", "/v1/rules", "/v1/questionnaire",
            "/fhir/Questionnaire", "/fhir/CodeSystem");
    private static final String SEEN = HttpCaching.class.getName() + ".digest";
    /** Short enough that a reload reaches every browser within a minute, revalidated cheaply after. */
    private static final int MAX_AGE_SECONDS = 60;

    // Filters are built before runtime configuration is available, so both are looked up on use.
    private final Instance<RuleSetRegistry> registry;
    private final Instance<MesoscreenConfig> config;
    private final Instance<RequestClinic> clinic;

    HttpCaching(Instance<RuleSetRegistry> registry, Instance<MesoscreenConfig> config, Instance<RequestClinic> clinic) {
        this.registry = registry;
        this.config = config;
        this.clinic = clinic;
    }

    /** After access control: a client without a key gets 401, not 304. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response notModified(ContainerRequestContext request) {
        if (!cacheable(request)) {
            return null;
        }
        RuleSet rules = registry.get().current(clinic.get().get());
        request.setProperty(SEEN, rules.digest());
        String tag = etag(rules, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String given = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (given != null && matches(given, tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, tag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !cacheable(request)) {
            return;
        }
        RuleSet rules = registry.get().current(clinic.get().get());
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        // The body was built from the rules in force between the two filters: tag it only when that is one rule set.
        if (rules.digest().equals(request.getProperty(SEEN))) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag(rules, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl());
        } else {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }

    private static boolean cacheable(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return false;
        }
        String path = request.getUriInfo().getPath();
        for (String prefix : CACHEABLE) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** "sha256 digest of the rules"-"language", e.g. "027439f68a0d…-ru". */
    static String etag(RuleSet rules, String acceptLanguage) {
        String digest = rules.digest().substring(rules.digest().indexOf(':') + 1);
        return '"' + digest + '-' + Languages.choose(acceptLanguage, rules.languages()) + '"';
    }

    /** If-None-Match: "*" or a list of tags, weak ones compared by their opaque part (RFC 9110, 13.1.2). */
    private static boolean matches(String header, String tag) {
        for (String candidate : header.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    /** Shared caches may keep it, unless API keys guard the API: a shared cache would hand it to anyone. */
    private String cacheControl() {
        boolean guarded = config.get().apiKeys().map(keys -> !keys.isEmpty()).orElse(false);
        return (guarded ? "private" : "public") + ", max-age=" + MAX_AGE_SECONDS;
    }
}
