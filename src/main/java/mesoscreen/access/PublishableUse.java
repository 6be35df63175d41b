package mesoscreen.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.regex.Pattern;
import mesoscreen.Origins;
import mesoscreen.rules.Clinic;
import mesoscreen.rules.RuleSet;

/**
 * What a publishable key may do: what the drop-in form and the SMART app do, from the clinic's own websites (the
 * app's is Mesoscreen's own origin, which the clinic then lists). Anyone who views the page can read the key, so
 * it must open nothing else: not the rules, not the FHIR reads, not the admin. Each of these calls only answers
 * what it is sent, and stores nothing.
 */
final class PublishableUse {
    /** Method and canonical path of each call the form makes. */
    private static final Set<String> CALLS = Set.of("GET /v1/questionnaire", "GET /v1/procedures",
            "POST /v1/screenings");
    /** The SMART app's call: prefill one of our Questionnaires from the chart the app read. */
    private static final Pattern POPULATE = Pattern.compile("/fhir/questionnaire/[^/]+/\\$populate");
    private static final MediaType FHIR_JSON = MediaType.valueOf("application/fhir+json");

    private PublishableUse() {
    }

    /** Why the request may not use its publishable key; null when it may. */
    static String refusal(ContainerRequestContext request, String canonicalPath, RuleSet rules) {
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        boolean populate = method.equals("POST") && POPULATE.matcher(canonicalPath).matches();
        if (!CALLS.contains(method + " " + canonicalPath) && !populate) {
            return "a publishable key may only read the questionnaire and the procedures, post a screening and"
                    + " prefill a Questionnaire (GET /v1/questionnaire, GET /v1/procedures, POST /v1/screenings,"
                    + " POST /fhir/Questionnaire/{id}/$populate); call this with a secret key, from a server";
        }
        MediaType type = mediaType(request);
        if (method.equals("POST") && !(FHIR_JSON.isCompatible(type) || !populate
                && MediaType.APPLICATION_JSON_TYPE.isCompatible(type))) {
            return populate ? "a publishable key may post $populate as application/fhir+json only"
                    : "a publishable key may post a screening as application/json or application/fhir+json only";
        }
        String origin = origin(request);
        if (origin == null) {
            return "a publishable key is for the clinic's web pages: the request has no Origin header, so it"
                    + " does not come from one; call from a server with a secret key";
        }
        Clinic clinic = rules.clinic();
        if (clinic == null || clinic.origins().isEmpty()) {
            return "this clinic has no websites in its clinic.yaml (origins), so its publishable key works on none";
        }
        String normal = Origins.normal(origin);
        if (normal == null || !clinic.origins().contains(normal)) {
            return "this publishable key belongs to another website: the page's Origin is not one of the clinic's"
                    + " origins in its clinic.yaml";
        }
        return null;
    }

    /**
     * The page's origin: its Origin header; for a page of Mesoscreen's own (the SMART app), whose same-origin
     * reads browsers send without one, the address called when the browser says the request is same-origin.
     * Either is what a browser says; a script outside one can say anything, which is why a publishable key
     * opens only what any visitor of the page may do.
     */
    private static String origin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null && "same-origin".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            java.net.URI called = request.getUriInfo().getRequestUri();
            return called.getScheme() + "://" + called.getRawAuthority();
        }
        return origin;
    }

    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return type == null ? MediaType.WILDCARD_TYPE : MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return MediaType.WILDCARD_TYPE;
        }
    }
}
