package mesoscreen.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.questionnaire.Constraints;
import mesoscreen.questionnaire.Questionnaire;
import mesoscreen.questionnaire.QuestionnaireBuilder;
import mesoscreen.questionnaire.Target;
import mesoscreen.text.Localized;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.RuleSetRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import mesoscreen.http.IntakeRejected;
import mesoscreen.http.Languages;
import mesoscreen.http.Problem;
import mesoscreen.http.RequestClinic;
import mesoscreen.result.ScreeningResponse;

/** The intake questionnaire as render-ready JSON, so that clinic websites do not hard-code questions. */
@Path("/v1/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaire", description = "The questions that matter, for a web form to render.")
public class QuestionnaireResource {
    private final RuleSetRegistry registry;
    private final RequestClinic clinic;

    QuestionnaireResource(RuleSetRegistry registry, RequestClinic clinic) {
        this.registry = registry;
        this.clinic = clinic;
    }

    @Schema(name = "Questionnaire")
    public record View(@Schema(description = "The procedure it is for; absent for the whole catalogue.")
                       String procedure, String language, List<GroupView> groups,
                       ScreeningResponse.RuleSetInfo ruleset) {
    }

    @Schema(name = "QuestionnaireGroup")
    public record GroupView(@Schema(examples = "pregnancy") String id, String title, List<ItemView> items) {
    }

    @Schema(name = "QuestionnaireItem")
    public record ItemView(
            @Schema(description = "The question id (an answers key) or the intake field.", examples = "pregnant")
            String id,
            @Schema(enumeration = {"yes-no-unknown", "integer", "date", "choice", "text", "group"}) String type,
            @Schema(description = "Where the answer goes in the intake, for people (see target).",
                    examples = "answers.pregnant") String intake,
            String label, String help,
            @Schema(description = "Needed to clear the patient: left unanswered, the verdict is INCOMPLETE.")
            boolean required,
            @Schema(description = "More than one answer allowed.") boolean repeats,
            List<OptionView> options,
            @Schema(description = "Empty: always shown. Else shown when any of these holds.")
            List<Questionnaire.ShownWhen> shownWhen,
            @Schema(description = "The parts of a repeating group.") List<ItemView> items,
            @Schema(description = "Where the answer goes in the intake, for programs.") Target target,
            @Schema(description = "Limits on the answer, as the service checks them.") Constraints constraints) {

        static ItemView of(Questionnaire.Item item, String language) {
            return new ItemView(item.id(), item.type().json(), item.intake(), item.label().in(language),
                    text(item.help(), language), item.required(), item.repeats(),
                    item.options().stream().map(o -> new OptionView(o.code(), o.label().in(language))).toList(),
                    item.shownWhen(), item.items().stream().map(i -> of(i, language)).toList(), item.target(),
                    item.constraints());
        }
    }

    @Schema(name = "QuestionnaireOption")
    public record OptionView(@Schema(examples = "yes") String code, String label) {
    }

    @GET
    @Operation(summary = "Get the intake questionnaire",
            description = "The questions the rules need for the procedure (or for every procedure), grouped and in"
                    + " order, with labels and help in the request's language, which are required, and when each"
                    + " is shown.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Unknown procedure.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response questionnaire(
            @Parameter(description = "Procedure id; omit for the whole catalogue.", example = "hydralift")
            @QueryParam("procedure") String procedure,
            @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        RuleSet rules = registry.current(clinic.get());
        IntakeValidator.unknownProcedure(procedure, rules).ifPresent(v -> {
            throw new IntakeRejected(List.of(v));
        });
        String language = Languages.choose(accept, rules.languages());
        Questionnaire questionnaire = QuestionnaireBuilder.build(rules, procedure);
        View view = new View(procedure, language, questionnaire.groups().stream()
                .map(g -> new GroupView(g.id(), g.title().in(language),
                        g.items().stream().map(i -> ItemView.of(i, language)).toList()))
                .toList(), ScreeningResponse.RuleSetInfo.of(rules));
        return Response.ok(view).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    private static String text(Localized text, String language) {
        return text == null ? null : text.in(language);
    }
}
