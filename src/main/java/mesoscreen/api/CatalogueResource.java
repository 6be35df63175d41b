package mesoscreen.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.TreeSet;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.Range;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.text.Suggestions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import mesoscreen.http.Languages;
import mesoscreen.http.Problem;
import mesoscreen.http.RequestClinic;
import mesoscreen.http.ProblemMappers;
import mesoscreen.result.ScreeningResponse;

/** What clinicians and integrators review: the procedures and the rules in force, in one language. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Procedures and rules of the rule set in force.")
public class CatalogueResource {
    private final RuleSetRegistry registry;
    private final RequestClinic clinic;

    CatalogueResource(RuleSetRegistry registry, RequestClinic clinic) {
        this.registry = registry;
        this.clinic = clinic;
    }

    @Schema(name = "ProcedureList")
    public record Procedures(ScreeningResponse.RuleSetInfo ruleset, List<ProcedureView> procedures) {
    }

    @Schema(name = "Procedure")
    public record ProcedureView(@Schema(examples = "hydralift") String id, String name, String description,
                                List<String> areas,
                                @Schema(description = "What is injected or delivered; an allergy to one of them"
                                        + " rules the procedure out.") List<String> ingredients,
                                Range sessionMinutes, List<ProgrammeView> programmes, List<StageView> stages,
                                @Schema(description = "Concern ids this procedure treats.") List<String> treats,
                                List<String> preparation, List<String> aftercare, String source) {
        static ProcedureView of(Procedure p, RuleSet rules, String language) {
            return new ProcedureView(p.id(), p.name().in(language), p.description().in(language), p.areas(),
                    p.ingredients(), p.sessionMinutes(),
                    p.programmes().stream().map(g -> new ProgrammeView(g.id(), g.name().in(language), g.sessions(),
                            g.intervalDays(), g.maintenanceWeeks(), g.repeatAfterMonths(), g.source())).toList(),
                    p.stages().stream().map(s -> new StageView(s.id(), s.name().in(language),
                            s.description().in(language))).toList(),
                    rules.vocabulary().concerns().values().stream()
                            .filter(c -> c.programmes().stream().anyMatch(ref -> ref.startsWith(p.id() + "/")))
                            .map(mesoscreen.vocabulary.Concern::id).toList(),
                    rules.preparation().stream().filter(c -> c.appliesTo(p.id())).map(c -> c.text().in(language)).toList(),
                    rules.aftercare().stream().filter(c -> c.appliesTo(p.id())).map(c -> c.text().in(language)).toList(),
                    p.source());
        }
    }

    @Schema(name = "Programme")
    public record ProgrammeView(@Schema(examples = "standard") String id, String name, Range sessions,
                                Range intervalDays, Range maintenanceWeeks, Integer repeatAfterMonths, String source) {
    }

    @Schema(name = "Stage")
    public record StageView(String id, String name, String description) {
    }

    @Schema(name = "RuleList")
    public record Rules(ScreeningResponse.RuleSetInfo ruleset, List<RuleView> rules) {
    }

    @Schema(name = "Rule")
    public record RuleView(@Schema(examples = "pregnancy") String id,
                           @Schema(examples = "contraindication") String kind,
                           @Schema(examples = "temporary") String severity,
                           String title, String message, String reassess, String source,
                           @Schema(description = "Procedure ids it applies to; empty means all.") List<String> procedures,
                           @Schema(description = "Question ids (answers keys) it reads.") List<String> asks,
                           @Schema(description = "The condition as a clinician reads it.",
                                   examples = "any(answer pregnant, condition pregnancy)") String when,
                           @Schema(description = "File the rule is written in.") String file,
                           @Schema(description = "The rule's own test cases (GET /v1/rules/{id} only).")
                           List<ExampleView> examples) {
        static RuleView of(Rule r, RuleSet rules, String language, boolean withExamples) {
            TreeSet<String> asks = new TreeSet<>();
            r.when().reads(asks);
            asks.retainAll(rules.questions().keySet());
            return new RuleView(r.id(), r.kind().json(), r.severity() == null ? null : r.severity().json(),
                    r.title().in(language), r.message().in(language),
                    r.reassess() == null ? null : r.reassess().in(language), r.source(),
                    r.procedures().stream().sorted().toList(), List.copyOf(asks), r.when().describe(), r.file(),
                    withExamples ? r.examples().stream().map(ExampleView::of).toList() : null);
        }
    }

    @Schema(name = "RuleExample")
    public record ExampleView(String name, @Schema(examples = "fires") String expect, Object intake) {
        static ExampleView of(Rule.Example e) {
            return new ExampleView(e.name(), e.expect().json(), e.intake());
        }
    }

    @GET
    @Path("/procedures")
    @Operation(summary = "List procedures", description = "The procedure catalogue with areas, ingredients and course.")
    @APIResponse(responseCode = "200", description = "The catalogue.",
            content = @Content(schema = @Schema(implementation = Procedures.class)))
    public Response procedures(@Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        RuleSet rules = registry.current(clinic.get());
        String language = Languages.choose(accept, rules.languages());
        return localized(new Procedures(ScreeningResponse.RuleSetInfo.of(rules),
                rules.procedures().values().stream().map(p -> ProcedureView.of(p, rules, language)).toList()), language);
    }

    @GET
    @Path("/procedures/{id}")
    @Operation(summary = "Get a procedure", description = "One procedure with its areas, ingredients and course.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProcedureView.class)))
    @APIResponse(responseCode = "404", description = "No procedure with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response procedure(@Parameter(example = "hydralift") @PathParam("id") String id,
                              @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        RuleSet rules = registry.current(clinic.get());
        String language = Languages.choose(accept, rules.languages());
        Procedure procedure = rules.procedures().get(id);
        if (procedure == null) {
            return notFound("procedure", id, rules.procedures().keySet());
        }
        return localized(ProcedureView.of(procedure, rules, language), language);
    }

    @GET
    @Path("/rules")
    @Operation(summary = "List rules", description = "Every rule in force, as a clinician reviews it.")
    @APIResponse(responseCode = "200", description = "The rules in force.",
            content = @Content(schema = @Schema(implementation = Rules.class)))
    public Response rules(@Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        RuleSet rules = registry.current(clinic.get());
        String language = Languages.choose(accept, rules.languages());
        return localized(new Rules(ScreeningResponse.RuleSetInfo.of(rules),
                rules.rules().stream().map(r -> RuleView.of(r, rules, language, false)).toList()), language);
    }

    @GET
    @Path("/rules/{id}")
    @Operation(summary = "Get a rule", description = "One rule with its condition and its example cases.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No rule with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rule(@Parameter(example = "pregnancy") @PathParam("id") String id,
                         @Parameter(description = "en, ru or tr") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        RuleSet rules = registry.current(clinic.get());
        String language = Languages.choose(accept, rules.languages());
        return rules.rule(id)
                .map(r -> localized(RuleView.of(r, rules, language, true), language))
                .orElseGet(() -> notFound("rule", id, rules.rules().stream().map(Rule::id).toList()));
    }

    private static Response localized(Object body, String language) {
        return Response.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    private static Response notFound(String what, String id, java.util.Collection<String> known) {
        return ProblemMappers.respond(Problem.of(404, "unknown-" + what,
                "no " + what + " '" + Suggestions.shown(id) + "'" + Suggestions.didYouMean(id, known), null));
    }
}
