package mesoscreen.cdshooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mesoscreen.http.Languages;
import mesoscreen.http.Problem;
import mesoscreen.screening.RuleSetRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CDS Hooks 2.0: discovery, the services, and feedback on their cards. */
@Path("/cds-services")
@Tag(name = "CDS Hooks", description = "CDS Hooks 2.0 services for EHRs: FHIR R4 resources in, cards out; calls are"
        + " signed with a JWT by a trusted issuer.")
public class CdsResource {
    private final CdsHandler handler;
    private final CdsTokens tokens;
    private final CdsSettings settings;
    private final CdsJson json;
    private final RuleSetRegistry registry;

    CdsResource(CdsHandler handler, CdsTokens tokens, CdsSettings settings, CdsJson json, RuleSetRegistry registry) {
        this.handler = handler;
        this.tokens = tokens;
        this.settings = settings;
        this.json = json;
        this.registry = registry;
    }

    /** A discovery entry; built from the service's declaration. */
    @Schema(name = "CdsServiceDescription")
    public record Description(String hook, String title, String description, String id, Map<String, String> prefetch) {
    }

    @Schema(name = "CdsDiscovery")
    public record Discovery(List<Description> services) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discover the CDS services",
            description = "The services, their hooks and the prefetch each needs. Open: it carries no patient data.")
    @APIResponse(responseCode = "200", description = "The services.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Discovery.class)))
    public Discovery discovery() {
        return new Discovery(java.util.Arrays.stream(CdsService.values())
                .map(s -> new Description(s.hook(), s.title(), s.description(), s.id(), CdsService.PREFETCH))
                .toList());
    }

    /** A try-out body; EHRs sign their calls, so without MESOSCREEN_CDS_ALLOW_UNSIGNED it is refused. */
    private static final String CALL_EXAMPLE = "{\"hook\":\"appointment-book\",\"hookInstance\":"
            + "\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p1\","
            + "\"appointments\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Appointment\",\"status\":\"proposed\",\"serviceType\":[{\"coding\":[{\"code\":"
            + "\"hydralift\"}]}]}}]}},\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p1\","
            + "\"gender\":\"female\",\"birthDate\":\"1990-04-12\"}}}";
    private static final String FEEDBACK_EXAMPLE = "{\"feedback\":[{\"card\":\"9368d37b-283f-44a0-93ea-547cebab93ed\","
            + "\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-12-02T10:00:00Z\"}]}";

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call a CDS service",
            description = "Screens the chart (prefetch, or fetched from an allow-listed fhirServer) for the procedures"
                    + " of the hook's context and answers with cards: one per verdict group.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "A CDS Hooks 2.0 request: hook, hookInstance,"
                    + " fhirServer, fhirAuthorization, context, prefetch."),
            examples = @ExampleObject(name = "appointment", value = CALL_EXAMPLE,
                    summary = "Booking hydralift for a woman, sent unsigned (run with MESOSCREEN_CDS_ALLOW_UNSIGNED=true"
                            + " to see cards): 401 unauthorized")))
    @APIResponse(responseCode = "200", description = "The cards.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Card.Cards.class)))
    @APIResponse(responseCode = "400", description = "Not a request this service can read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid JWT from a trusted issuer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Prefetch missing and not to be had from the FHIR server.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> call(@Parameter(example = "mesoscreen-appointment-book") @PathParam("id") String id,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @Parameter(description = "Language of the cards: en, ru or tr (default en).")
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                              @Context UriInfo uri,
                              String body) {
        String audience = audience(uri);
        String base = base(uri);
        return offEventLoop(() -> {
            String clinic = settings.clinic(tokens.verify(authorization, audience));
            CdsService service = service(id);
            CdsRequest request = read(body, CdsRequest.class);
            String language = Languages.choose(acceptLanguage, registry.current(clinic).languages());
            List<Card> cards = handler.cards(service, request, clinic, language, base);
            return Response.ok(new Card.Cards(cards), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CONTENT_LANGUAGE, language)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        });
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Feedback on a service's cards",
            description = "What became of each card (accepted, overridden and why). Checked, counted nowhere yet,"
                    + " and not kept.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "{ \"feedback\": [ { card, outcome,"
                    + " overrideReason, outcomeTimestamp } ] }"),
            examples = @ExampleObject(name = "accepted", value = FEEDBACK_EXAMPLE,
                    summary = "A card accepted, sent unsigned: 401 unauthorized")))
    @APIResponse(responseCode = "200", description = "Accepted.")
    @APIResponse(responseCode = "400", description = "Not a feedback body.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid JWT from a trusted issuer.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feedback(@Parameter(example = "mesoscreen-appointment-book") @PathParam("id") String id,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @Context UriInfo uri,
                             String body) {
        tokens.verify(authorization, audience(uri));
        service(id);
        Feedback feedback = read(body, Feedback.class);
        if (feedback.feedback() == null || feedback.feedback().isEmpty()) {
            throw CdsRejected.badRequest("feedback", "feedback needs at least one item");
        }
        for (int i = 0; i < feedback.feedback().size(); i++) {
            Feedback.Item item = feedback.feedback().get(i);
            if (item == null || item.card() == null || !("accepted".equals(item.outcome()) || "overridden".equals(item.outcome()))
                    || item.outcomeTimestamp() == null) {
                throw CdsRejected.badRequest("feedback[" + i + "]",
                        "each item needs card, outcome (accepted or overridden) and outcomeTimestamp");
            }
        }
        return Response.ok().build();
    }

    /**
     * A call's work, on a worker thread, once the event loop has read the whole body (a blocking method would
     * read it on the worker, waiting on the event loop for every chunk). The work may wait: for the issuer's
     * JWK Set, the shared store's replay check, the EHR's FHIR server.
     */
    private static Uni<Response> offEventLoop(Supplier<Response> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static CdsService service(String id) {
        return CdsService.byId(id).orElseThrow(() -> new CdsRejected(404, "not-found",
                "no CDS service '" + mesoscreen.text.Suggestions.shown(id) + "'; GET /cds-services lists them",
                null));
    }

    private <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw CdsRejected.badRequest(null, "send the request as a JSON object");
        }
        // The body straight into its record, read once: going through a tree first copied every node of the
        // prefetch a second time (13% of a call's CPU). What this refuses is read again the strict way below,
        // which names the error exactly as before; what it accepts, the tree would have given the same.
        try (JsonParser parser = json.mapper().createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                return json.mapper().readValue(parser, type);
            }
        } catch (IOException | RuntimeException refused) {
            // said below
        }
        try {
            JsonNode tree = json.mapper().readTree(body);
            if (tree == null || !tree.isObject()) {
                throw CdsRejected.badRequest(null, "send the request as a JSON object");
            }
            return json.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            throw CdsRejected.badRequest(path == null ? null : mesoscreen.text.Suggestions.shown(path),
                    e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                            ? "unknown field; a CDS Hooks request has hook, hookInstance, fhirServer,"
                            + " fhirAuthorization, context, prefetch and extension" : "wrong type or shape here");
        } catch (JsonProcessingException e) {
            throw CdsRejected.badRequest(null, "the body is not well-formed JSON, or has a key twice");
        }
    }

    /** What a token's aud must be: the URL called, at the public base when one is configured. */
    private String audience(UriInfo uri) {
        return base(uri) + uri.getRequestUri().getRawPath();
    }

    private String base(UriInfo uri) {
        return settings.publicBaseUrl().map(URI::toString).orElseGet(() -> {
            URI called = uri.getRequestUri();
            return called.getScheme() + "://" + called.getRawAuthority();
        });
    }
}
