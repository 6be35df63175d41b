package mesoscreen.smart;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The SMART on FHIR app an EHR launches (EHR launch, SMART App Launch 2.0): {@code /smart/launch} checks the
 * {@code iss} against MESOSCREEN_SMART_FHIR_SERVERS before the page can make any request to it, then the page
 * authorises with the SMART project's JS client; {@code /smart/app} is the redirect URL, where the app reads the
 * chart, asks {@code $populate}, shows the intake form and writes the answers back. Both answer 404 when no
 * client id is configured. The pages run their scripts from Mesoscreen only and may connect only to Mesoscreen
 * and to the listed FHIR servers (Content-Security-Policy).
 */
@Path("/smart")
public class SmartResource {
    private final SmartApp app;

    SmartResource(SmartApp app) {
        this.app = app;
    }

    @GET
    @Path("/launch")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true) // a page for browsers, not part of the API: README, "Launch from the EHR"
    public Response launch(@QueryParam("iss") String iss, @QueryParam("launch") String launch,
                           @QueryParam("key") String key,
                           @Context UriInfo uri) {
        if (!app.enabled()) {
            return page(404, SmartPages.error("There is no SMART app here",
                    "This Mesoscreen deployment has no SMART on FHIR app (MESOSCREEN_SMART_CLIENT_ID is not set)."), "");
        }
        if (iss == null || iss.isBlank() || launch == null || launch.isBlank()) {
            return page(400, SmartPages.error("This is an EHR launch URL",
                    "Open Mesoscreen from the EHR: it adds the iss and launch parameters this address needs."), "");
        }
        if (app.server(iss).isEmpty()) {
            return page(400, SmartPages.error("This EHR is not one Mesoscreen works with",
                    "The EHR's FHIR server (iss) is not in MESOSCREEN_SMART_FHIR_SERVERS, so Mesoscreen will not ask it"
                            + " for anything. Ask the administrator to add the server's FHIR base URL there."), "");
        }
        String refusal = app.keyRefusal(key, base(uri));
        if (refusal != null) {
            return page(400, SmartPages.error("The launch URL's key does not work here", refusal), "");
        }
        return page(200, SmartPages.launch(app.clientId(), SmartApp.SCOPE, base(uri) + SmartApp.REDIRECT), app.connectSources());
    }

    @GET
    @Path("/app")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response app() {
        if (!app.enabled()) {
            return page(404, SmartPages.error("There is no SMART app here",
                    "This Mesoscreen deployment has no SMART on FHIR app (MESOSCREEN_SMART_CLIENT_ID is not set)."), "");
        }
        return page(200, SmartPages.app(), app.connectSources());
    }

    /** A page under a policy that runs our scripts only and connects to Mesoscreen and the listed servers only. */
    private static Response page(int status, String html, String connect) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
                        + " img-src 'self' data:; connect-src 'self'" + connect + "; base-uri 'none'; form-action 'none'")
                .header("Cache-Control", "no-store")
                .build();
    }

    private String base(UriInfo uri) {
        return app.publicBaseUrl().orElseGet(() -> {
            java.net.URI called = uri.getRequestUri();
            return called.getScheme() + "://" + called.getRawAuthority();
        });
    }
}
