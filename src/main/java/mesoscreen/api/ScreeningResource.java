package mesoscreen.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import io.quarkus.arc.All;
import io.smallrye.common.annotation.NonBlocking;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import org.jboss.resteasy.reactive.RestResponse;
import mesoscreen.screening.ScreeningService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import mesoscreen.http.IntakeFormat;
import mesoscreen.http.IntakeRejected;
import mesoscreen.http.Problem;
import mesoscreen.http.RequestClinic;
import mesoscreen.result.ScreeningResponse;
import mesoscreen.result.ScreeningResults;

@Path("/v1/screenings")
@Tag(name = "Screening", description = "Screen a patient's intake for contraindications to mesotherapy.")
public class ScreeningResource {
    /** A FHIR R4 QuestionnaireResponse, read by the adapter that provides that {@link IntakeFormat}. */
    static final String FHIR_JSON = "application/fhir+json";

    private final ScreeningService screenings;
    private final List<IntakeFormat> formats;
    private final RequestClinic clinic;

    ScreeningResource(ScreeningService screenings, @All List<IntakeFormat> formats, RequestClinic clinic) {
        this.screenings = screenings;
        this.formats = List.copyOf(formats);
        this.clinic = clinic;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen an intake",
            description = "Checks the intake against the rule set and answers with the verdict, every finding"
                    + " with its evidence and source, the questions still to answer, and a suggested course.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Intake.class),
            examples = {
                @ExampleObject(name = "eligible", summary = "Healthy patient, all answered: 200 ELIGIBLE",
                        value = Samples.ELIGIBLE),
                @ExampleObject(name = "pregnant", summary = "Pregnant patient: 200 DEFER", value = Samples.PREGNANT),
                @ExampleObject(name = "warfarin", summary = "Patient on warfarin: 200 REFER", value = Samples.WARFARIN),
                @ExampleObject(name = "incomplete", summary = "Unanswered questions: 200 INCOMPLETE",
                        value = Samples.INCOMPLETE),
                @ExampleObject(name = "misspelt", summary = "A misspelt answer key: 400 unknown-answer",
                        value = Samples.MISSPELT)
            }))
    @APIResponse(responseCode = "200", description = "The screening result.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScreeningResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a valid intake: malformed JSON, duplicate"
            + " or unknown keys, wrong types, unknown answers, procedures, concerns, areas or code systems.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the configured limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // Pure computation of ~100 µs, no I/O: answered on the event loop, which reads the body at once, rather
    // than handed to a worker thread that would wait for the body in chunks (README, Performance).
    @NonBlocking
    public RestResponse<ScreeningResponse> screen(
            @Parameter(description = "Language of messages: en, ru or tr (default en).", example = "en")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            Intake intake) {
        if (intake == null) {
            throw new IntakeRejected(List.of(new Violation("", "missing-body", "send the intake as a JSON object")));
        }
        return answer(screenings.screen(clinic.get(), intake), acceptLanguage);
    }

    @POST
    @Consumes(FHIR_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen a FHIR QuestionnaireResponse",
            description = "The same screening, from an R4 QuestionnaireResponse to the Mesoscreen questionnaire"
                    + " (GET /fhir/Questionnaire/mesoscreen-intake). Errors are problem+json, as for JSON intakes.")
    @RequestBody(required = true, content = @Content(mediaType = FHIR_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "An R4 QuestionnaireResponse.")))
    @APIResponse(responseCode = "200", description = "The screening result.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScreeningResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a QuestionnaireResponse Mesoscreen can read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ScreeningResponse> screenQuestionnaireResponse(
            @Parameter(description = "Language of messages: en, ru or tr (default en).", example = "en")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            String body) {
        IntakeFormat format = formats.stream().filter(f -> f.mediaType().equals(FHIR_JSON)).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.NotSupportedException());
        return answer(screenings.screen(clinic.get(), format.source(body)), acceptLanguage);
    }

    /** The screening, or its violations as a problem (mapped by {@link mesoscreen.http.ProblemMappers}). */
    private static RestResponse<ScreeningResponse> answer(ScreeningService.Outcome outcome, String acceptLanguage) {
        if (outcome instanceof ScreeningService.Outcome.Screened screened) {
            return ScreeningResults.ok(screened.screening(), acceptLanguage);
        }
        throw new IntakeRejected(((ScreeningService.Outcome.Rejected) outcome).violations());
    }
}
