package mesoscreen.fhir;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import mesoscreen.http.RequestClinic;
import mesoscreen.screening.RuleSetRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/** {@code GET /fhir/metadata}: what the FHIR face serves, as an R4 CapabilityStatement. */
@Path("/fhir/metadata")
@Tag(name = "FHIR")
public class CapabilityResource {
    private final FhirSupport fhir;
    private final RuleSetRegistry registry;

    private final RequestClinic clinic;

    CapabilityResource(FhirSupport fhir, RuleSetRegistry registry, RequestClinic clinic) {
        this.clinic = clinic;
        this.fhir = fhir;
        this.registry = registry;
    }

    @GET
    @Produces(OperationOutcomes.MEDIA_TYPE)
    @Operation(summary = "The server's CapabilityStatement",
            description = "Questionnaire read, search by url and $populate (SDC), CodeSystem read, and"
                    + " QuestionnaireResponse $screen.")
    @APIResponse(responseCode = "200", description = "An R4 CapabilityStatement.",
            content = @Content(mediaType = OperationOutcomes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response metadata() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setUrl(fhir.base() + "/metadata");
        statement.setName("Mesoscreen");
        statement.setTitle("Mesoscreen: contraindication screening for mesotherapy");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date(0));
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getSoftware().setName("Mesoscreen").setVersion(registry.current(clinic.get()).version());
        statement.getImplementation().setDescription("Mesoscreen FHIR R4 face").setUrl(fhir.base());
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        CapabilityStatement.CapabilityStatementRestResourceComponent questionnaire = rest.addResource()
                .setType("Questionnaire");
        questionnaire.addInteraction().setCode(TypeRestfulInteraction.READ);
        questionnaire.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        questionnaire.addSearchParam().setName("url").setType(Enumerations.SearchParamType.URI)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Questionnaire-url");
        questionnaire.addOperation().setName("populate").setDefinition(Populate.OPERATION)
                .setDocumentation("SDC $populate: the in-progress QuestionnaireResponse of what the patient's record"
                        + " (subject and context resources) tells; issues name what was not read.");
        rest.addResource().setType("CodeSystem").addInteraction().setCode(TypeRestfulInteraction.READ);
        CapabilityStatement.CapabilityStatementRestResourceComponent response = rest.addResource()
                .setType("QuestionnaireResponse");
        response.addOperation().setName("screen").setDefinition(fhir.base() + "/OperationDefinition/screen")
                .setDocumentation("Screens the QuestionnaireResponse; answers with the Mesoscreen screening result.");
        return Response.ok(fhir.encode(statement), OperationOutcomes.MEDIA_TYPE).build();
    }
}
