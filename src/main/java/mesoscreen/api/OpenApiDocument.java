package mesoscreen.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import mesoscreen.http.Problem;
import mesoscreen.http.ProblemMappers;

/**
 * Completes the generated OpenAPI document with what annotations on each resource would repeat:
 * stable operation ids, the two API-key schemes with the 401 and 429 answers of the paths that
 * check them, error examples that are exactly what the service sends for their status, and the
 * JSON request body first where an operation also takes FHIR (Swagger UI opens the first).
 * Run when the application is built, not at every start: the document it completes is the same for every
 * start (the settings change who must send a key, not the document).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiDocument implements OASFilter {
    static final String API_KEY = "apiKey";
    static final String ADMIN_KEY = "adminKey";
    static final String CDS_JWT = "cdsJwt";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids for SDK generators: "METHOD path" to operationId. Others get one made from method and path. */
    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("POST /v1/screenings", "screenIntake"),
            Map.entry("GET /v1/questionnaire", "getQuestionnaire"),
            Map.entry("GET /v1/procedures", "listProcedures"),
            Map.entry("GET /v1/procedures/{id}", "getProcedure"),
            Map.entry("GET /v1/rules", "listRules"),
            Map.entry("GET /v1/rules/{id}", "getRule"),
            Map.entry("GET /fhir/Questionnaire", "searchFhirQuestionnaires"),
            Map.entry("GET /fhir/Questionnaire/{id}", "readFhirQuestionnaire"),
            Map.entry("GET /fhir/CodeSystem/{id}", "readFhirCodeSystem"),
            Map.entry("POST /fhir/QuestionnaireResponse/$screen", "screenQuestionnaireResponse"),
            Map.entry("POST /fhir/Questionnaire/{id}/$populate", "populateFhirQuestionnaire"),
            Map.entry("POST /admin/rules/reload", "reloadRules"),
            Map.entry("GET /cds-services", "discoverCdsServices"),
            Map.entry("POST /cds-services/{id}", "callCdsService"),
            Map.entry("POST /cds-services/{id}/feedback", "sendCdsFeedback"));

    /**
     * The groups in the order a newcomer needs them: screen first, then what a form renders, what the rule set
     * holds, and the EHR doors; the operator's Admin last. Swagger UI shows the groups in the document's order.
     */
    static final List<String> TAG_ORDER = List.of("Screening", "Questionnaire", "Catalogue", "FHIR", "CDS Hooks", "Admin");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("A clinic's key, needed on /v1 and /fhir when the service is started with"
                        + " MESOSCREEN_API_KEYS; without keys configured the API is open. The key selects the clinic's"
                        + " rule set. A publishable key (MESOSCREEN_PUBLISHABLE_KEYS), which a clinic's web page may"
                        + " show, is accepted only on GET /v1/questionnaire, GET /v1/procedures and POST"
                        + " /v1/screenings (JSON), from the clinic's own websites."));
        components.addSecurityScheme(ADMIN_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Admin-Key")
                .description("The operator's key (MESOSCREEN_ADMIN_KEY) for /admin."));
        components.addSecurityScheme(CDS_JWT, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("The EHR's signed JWT (CDS Hooks 2.0), from an issuer in MESOSCREEN_CDS_TRUSTED_ISSUERS."));
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        // An SPDX reference for a licence of one's own (the strict lint wants a url or an identifier); set
        // here, not in application.properties, which would replace it when the service starts.
        openAPI.getInfo().setLicense(OASFactory.createLicense().name("Proprietary").identifier("LicenseRef-Proprietary"));
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream().sorted(Comparator.comparingInt(OpenApiDocument::tagRank)).toList());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getOperationId() == null) {
                operation.setOperationId(IDS.getOrDefault(method + " " + path, derivedId(method, path)));
            }
            if (path.startsWith("/v1/") || path.startsWith("/fhir/")) {
                // Open by default: the empty requirement says a request without a key is fine then.
                operation.setSecurity(List.of(
                        OASFactory.createSecurityRequirement().addScheme(API_KEY),
                        OASFactory.createSecurityRequirement()));
                boolean fhir = path.startsWith("/fhir/");
                addIfAbsent(operation, fhir, "401", "Keys are configured and X-API-Key is missing or wrong.");
                addIfAbsent(operation, fhir, "403", "A browser on a website that may not call (CORS), or a publishable"
                        + " key used beyond the form's three calls, without an Origin or from another website.");
                addIfAbsent(operation, fhir, "429", "Too many requests this minute for this key (or address); retry"
                        + " after Retry-After seconds.");
                operation.getResponses().getAPIResponse("429").addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds until a request will be accepted again.")
                        .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
            } else if (path.startsWith("/admin/")) {
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(ADMIN_KEY)));
            } else if (path.startsWith("/cds-services")) {
                // Discovery carries no patient data and is open; a service call needs the EHR's JWT.
                operation.setSecurity(List.of(path.equals("/cds-services")
                        ? OASFactory.createSecurityRequirement()
                        : OASFactory.createSecurityRequirement().addScheme(CDS_JWT)));
                addIfAbsent(operation, false, "429", "Too many requests this minute from this address; retry after"
                        + " Retry-After seconds.");
            }
            jsonFirst(operation);
            if (path.equals("/fhir/QuestionnaireResponse/$screen")) {
                fhirExample(operation, "two-answers", "Age and one answer, the rest unknown: 200 INCOMPLETE",
                        Samples.QUESTIONNAIRE_RESPONSE);
            } else if (path.equals("/fhir/Questionnaire/{id}/$populate")) {
                fhirExample(operation, "record", "A record with Xarelto and keloid scars, two answers prefilled: 200",
                        Samples.POPULATE_PARAMETERS);
            }
            problemExamples(operation.getResponses());
        }));
    }

    /** A tag's place in {@link #TAG_ORDER}; a tag it does not name goes last. */
    private static int tagRank(org.eclipse.microprofile.openapi.models.tags.Tag tag) {
        int rank = TAG_ORDER.indexOf(tag.getName());
        return rank < 0 ? TAG_ORDER.size() : rank;
    }

    /** "GET /v1/things/{id}" gives "getV1ThingsById". */
    static String derivedId(PathItem.HttpMethod method, String path) {
        StringBuilder out = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
        for (String part : path.split("[/$]")) {
            if (part.isEmpty()) {
                continue;
            }
            String word = part.startsWith("{") ? "By" + part.substring(1, part.length() - 1) : part;
            word = word.replaceAll("[^A-Za-z0-9]", "");
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** A 401, 403 or 429: a problem, or on /fhir an OperationOutcome as FHIR clients expect. */
    private static void addIfAbsent(Operation operation, boolean fhir, String status, String description) {
        APIResponses responses = operation.getResponses();
        if (responses.hasAPIResponse(status)) {
            return;
        }
        MediaType body = fhir
                ? OASFactory.createMediaType().schema(OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .description("An R4 OperationOutcome."))
                : OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(fhir ? "application/fhir+json" : Problem.MEDIA_TYPE, body)));
    }

    /** Swagger UI opens the first request media type: JSON, whose examples work as they are. */
    private static void jsonFirst(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        Map<String, MediaType> types = content.getMediaTypes();
        if (types == null || !types.containsKey(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)) {
            return;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        ordered.put(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, types.get(jakarta.ws.rs.core.MediaType.APPLICATION_JSON));
        types.forEach(ordered::putIfAbsent);
        content.setMediaTypes(ordered);
    }

    /** A FHIR operation opens with a body that works (a QuestionnaireResponse that screens...), not with {}. */
    @SuppressWarnings("unchecked")
    private static void fhirExample(Operation operation, String name, String summary, String sample) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().values().forEach(type -> {
            try {
                type.addExample(name, OASFactory.createExample().summary(summary)
                        .value(JSON.readValue(sample, Map.class)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the " + name + " sample is not JSON", e);
            }
        });
    }

    /**
     * An error response other than 400 gets the body the service sends for that status as its example, so
     * that Swagger UI does not show the Problem schema's 400 example under a 413.
     */
    @SuppressWarnings("unchecked")
    private static void problemExamples(APIResponses responses) {
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            MediaType problem = response.getContent() == null ? null
                    : response.getContent().getMediaType(Problem.MEDIA_TYPE);
            if (problem == null || status.equals("400") || problem.getExample() != null
                    || (problem.getExamples() != null && !problem.getExamples().isEmpty())) {
                return;
            }
            Problem example = switch (status) {
                case "401" -> Problem.of(401, "unauthorized", "send your API key in the X-API-Key header", null);
                case "403" -> Problem.of(403, "publishable-key-not-allowed", "a publishable key is for the clinic's"
                        + " web pages: the request has no Origin header, so it does not come from one; call from a"
                        + " server with a secret key", null);
                case "422" -> Problem.of(422, "rules-invalid", "1 error(s) in the rules folder; the rules in force stay",
                        null);
                case "429" -> Problem.of(429, "too-many-requests", "more than 60 requests a minute; retry after 1 s",
                        null);
                default -> ProblemMappers.httpProblem(Integer.parseInt(status));
            };
            problem.setExample(JSON.convertValue(example, Map.class));
        });
    }
}
