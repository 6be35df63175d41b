package mesoscreen.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import mesoscreen.Origins;
import mesoscreen.rules.Clinic;
import mesoscreen.rules.RuleSet;

/**
 * What a publishable key may do: what the drop-in form does, from the clinic's own websites. Anyone who
 * views the page can read the key, so it must open nothing else: not the rules, not FHIR, not the admin.
 */
final class PublishableUse {
    /** Method and canonical path of each call the form makes. */
    private static final Set<String> CALLS = Set.of("GET /v1/questionnaire", "GET /v1/procedures",
            "POST /v1/screenings");

    private PublishableUse() {
    }

    /** Why the request may not use its publishable key; null when it may. */
    static String refusal(ContainerRequestContext request, String canonicalPath, RuleSet rules) {
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        if (!CALLS.contains(method + " " + canonicalPath)) {
            return "a publishable key may only read the questionnaire and the procedures and post a screening"
                    + " (GET /v1/questionnaire, GET /v1/procedures, POST /v1/screenings); call this with a secret"
                    + " key, from a server";
        }
        if (method.equals("POST") && !MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType(request))) {
            return "a publishable key may post a screening as application/json only";
        }
        String origin = request.getHeaderString("Origin");
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

    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return type == null ? MediaType.WILDCARD_TYPE : MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return MediaType.WILDCARD_TYPE;
        }
    }
}
