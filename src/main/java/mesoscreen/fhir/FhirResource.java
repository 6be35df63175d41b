package mesoscreen.fhir;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.http.Languages;
import mesoscreen.http.RequestClinic;
import mesoscreen.result.ScreeningResults;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.IntakeSource;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.screening.ScreeningService;
import mesoscreen.text.Suggestions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The FHIR R4 face of Mesoscreen: the intake Questionnaire and its CodeSystems for EHRs and SDC form
 * renderers, and screening of the QuestionnaireResponse they produce. Errors are OperationOutcomes.
 */
@Path("/fhir")
@Tag(name = "FHIR", description = "The intake as an R4 Questionnaire; screening of a QuestionnaireResponse.")
public class FhirResource {
    private final ScreeningService screenings;
    private final RuleSetRegistry registry;
    private final FhirSupport fhir;

    private final RequestClinic clinic;
    private final Populate populate;

    FhirResource(ScreeningService screenings, RuleSetRegistry registry, FhirSupport fhir, RequestClinic clinic,
                 Populate populate) {
        this.clinic = clinic;
        this.populate = populate;
        this.screenings = screenings;
        this.registry = registry;
        this.fhir = fhir;
    }

    @GET
    @Path("/Questionnaire/{id}")
    @Produces(OperationOutcomes.MEDIA_TYPE)
    @Operation(summary = "Read the intake Questionnaire",
            description = "mesoscreen-intake for every procedure, mesoscreen-intake-{procedure} for one; item texts in"
                    + " the request's language.")
    @APIResponse(responseCode = "200", description = "An R4 Questionnaire.",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such Questionnaire (an OperationOutcome).",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response questionnaire(@Parameter(example = "mesoscreen-intake-hydralift") @PathParam("id") String id,
                                  @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                                  String accept) {
        RuleSet rules = registry.current(clinic.get());
        String procedure = procedureOf(id, rules);
        String language = Languages.choose(accept, rules.languages());
        return fhirJson(fhir.encode(FhirQuestionnaires.questionnaire(rules, procedure, language, fhir.base())), language);
    }

    @POST
    @Path("/Questionnaire/{id}/$populate")
    @Consumes({OperationOutcomes.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(OperationOutcomes.MEDIA_TYPE)
    @Operation(summary = "Prefill the Questionnaire from the patient's record (SDC $populate)",
            description = "SDC Questionnaire/$populate: a Parameters with subject (valueReference to the Patient) and"
                    + " context parts (name, content: a Patient, Condition, MedicationRequest, MedicationStatement,"
                    + " AllergyIntolerance, pregnancy status Observation or Medication, or a Bundle of them). Answers a"
                    + " Parameters with response, an in-progress QuestionnaireResponse holding what the record tells"
                    + " (read as the CDS Hooks chart is read; nothing else is answered), and issues, an"
                    + " OperationOutcome naming by path what was not read.")
    @RequestBody(required = true, content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "An R4 Parameters.")))
    @APIResponse(responseCode = "200", description = "An R4 Parameters with response and, when something was not"
            + " read, issues.",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Not a Parameters Mesoscreen can read (an OperationOutcome).",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such Questionnaire (an OperationOutcome).",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response populate(@Parameter(example = "mesoscreen-intake-hydralift") @PathParam("id") String id,
                             @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                             String accept,
                             String body) {
        RuleSet rules = registry.current(clinic.get());
        String procedure = procedureOf(id, rules);
        String language = Languages.choose(accept, rules.languages());
        return fhirJson(fhir.encode(populate.populate(rules, procedure, language, body)), language);
    }

    @GET
    @Path("/Questionnaire")
    @Produces(OperationOutcomes.MEDIA_TYPE)
    @Operation(summary = "Search Questionnaires by canonical url",
            description = "A searchset Bundle with the Questionnaire whose url matches (a version after '|' is ignored);"
                    + " every Questionnaire without a url.")
    @APIResponse(responseCode = "200", description = "An R4 searchset Bundle.",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response search(@Parameter(example = "https://mesoscreen.example/fhir/Questionnaire/mesoscreen-intake")
                           @QueryParam("url") String url,
                           @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                           String accept) {
        RuleSet rules = registry.current(clinic.get());
        String language = Languages.choose(accept, rules.languages());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        java.util.List<String> procedures = new java.util.ArrayList<>();
        procedures.add(null);
        procedures.addAll(rules.procedures().keySet());
        String wanted = url == null ? null : url.replaceFirst("\\|.*$", "");
        for (String procedure : procedures) {
            if (wanted == null || wanted.equals(FhirQuestionnaires.url(fhir.base(), procedure))) {
                bundle.addEntry()
                        .setFullUrl(FhirQuestionnaires.url(fhir.base(), procedure))
                        .setResource(FhirQuestionnaires.questionnaire(rules, procedure, language, fhir.base()))
                        .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            }
        }
        bundle.setTotal(bundle.getEntry().size());
        return fhirJson(fhir.encode(bundle), language);
    }

    @GET
    @Path("/CodeSystem/{id}")
    @Produces(OperationOutcomes.MEDIA_TYPE)
    @Operation(summary = "Read a CodeSystem of the questionnaire's answers",
            description = "answer (yes / no / unknown), concern, area, procedure-type; procedure, the catalogue,"
                    + " in which EHRs code orders and appointments for CDS Hooks.")
    @APIResponse(responseCode = "200", description = "An R4 CodeSystem.",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response codeSystem(@Parameter(example = "answer") @PathParam("id") String id,
                               @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                               String accept) {
        RuleSet rules = registry.current(clinic.get());
        if (!FhirQuestionnaires.CODE_SYSTEMS.contains(id)) {
            throw notFound("CodeSystem", id, FhirQuestionnaires.CODE_SYSTEMS);
        }
        String language = Languages.choose(accept, rules.languages());
        return fhirJson(fhir.encode(FhirQuestionnaires.codeSystem(rules, id, language, fhir.base())), language);
    }

    @POST
    @Path("/QuestionnaireResponse/$screen")
    @Consumes({OperationOutcomes.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen a QuestionnaireResponse",
            description = "Reads an R4 QuestionnaireResponse to the Mesoscreen questionnaire (answers as valueCoding,"
                    + " valueBoolean, valueDate, valueInteger or valueString, with or without the questionnaire"
                    + " canonical) and returns the same screening result as POST /v1/screenings.")
    @RequestBody(required = true, content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "An R4 QuestionnaireResponse.")))
    @APIResponse(responseCode = "200", description = "The screening result.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = mesoscreen.result.ScreeningResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a QuestionnaireResponse Mesoscreen can read (an OperationOutcome).",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response screen(@Parameter(description = "The procedure; by default the one of the questionnaire canonical.")
                           @QueryParam("procedure") String procedure,
                           @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                           String accept,
                           String body) {
        ScreeningService.Outcome outcome = screenings.screen(clinic.get(), rules -> {
            List<Violation> unknown = IntakeValidator.unknownProcedure(procedure, rules).stream().toList();
            return unknown.isEmpty() ? FhirIntakes.read(fhir, rules, body, procedure) : IntakeSource.Read.rejected(unknown);
        });
        if (outcome instanceof ScreeningService.Outcome.Screened screened) {
            return ScreeningResults.ok(screened.screening(), accept).toResponse();
        }
        return OperationOutcomeErrors.response(400, ((ScreeningService.Outcome.Rejected) outcome).violations());
    }

    /** This resource's refusals, as OperationOutcomes. */
    @ServerExceptionMapper
    public Response rejected(FhirRejected e) {
        return OperationOutcomeErrors.response(e.status(), e.violations());
    }

    private static Response fhirJson(String body, String language) {
        return Response.ok(body, OperationOutcomes.MEDIA_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    /** The procedure of one of our Questionnaire ids (null: the one of every procedure); a 404 for another id. */
    private static String procedureOf(String id, RuleSet rules) {
        String procedure = FhirQuestionnaires.procedureOf(id, rules).orElseThrow(() -> notFound("Questionnaire", id,
                rules.procedures().keySet().stream().map(FhirQuestionnaires::id).toList()));
        return procedure.isEmpty() ? null : procedure;
    }

    private static FhirRejected notFound(String type, String id, java.util.Collection<String> known) {
        return new FhirRejected(404, List.of(new Violation(type + ".id", "not-found",
                "no " + type + " '" + Suggestions.shown(id) + "'" + Suggestions.didYouMean(id, known))));
    }
}
