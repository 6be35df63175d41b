package mesoscreen.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.MesoscreenConfig;
import mesoscreen.intake.Violation;
import mesoscreen.screening.RuleSetRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import mesoscreen.access.Secrets;
import mesoscreen.http.Problem;
import mesoscreen.http.ProblemMappers;
import mesoscreen.result.ScreeningResponse;

/** Operations for whoever runs the service: reloading the rules without a restart. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Reload the rules folder (needs MESOSCREEN_ADMIN_KEY).")
public class AdminResource {
    private final RuleSetRegistry registry;
    private final MesoscreenConfig config;

    AdminResource(RuleSetRegistry registry, MesoscreenConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Schema(name = "Reload")
    public record ReloadView(@Schema(enumeration = {"reloaded", "unchanged"}) String status,
                             ScreeningResponse.RuleSetInfo ruleset) {
    }

    @POST
    @Path("/rules/reload")
    @Operation(summary = "Reload the rules",
            description = "Loads the rules folder again and puts it in force if every file and example holds."
                    + " A folder with errors is refused (422, every error with file and line) and the rules in"
                    + " force stay.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReloadView.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong X-Admin-Key.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The folder does not load; the rules in force stay.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reload(@HeaderParam("X-Admin-Key") String key) {
        if (config.adminKey().isEmpty()) {
            return ProblemMappers.respond(ProblemMappers.httpProblem(404));
        }
        if (!Secrets.matches(key, config.adminKey().get())) {
            return ProblemMappers.respond(Problem.of(401, "unauthorized", "send the admin key in X-Admin-Key", null));
        }
        RuleSetRegistry.Reload outcome = registry.reload();
        if (outcome.failed()) {
            List<Violation> errors = outcome.errors().stream()
                    .map(e -> new Violation("rules", "rules-invalid", e)).toList();
            Problem problem = Problem.of(errors);
            return ProblemMappers.respond(new Problem(problem.type(), "Rules invalid", 422,
                    errors.size() + " error(s) in the rules folder; the rules in force stay", "rules-invalid", null,
                    errors, null));
        }
        return Response.ok(new ReloadView(outcome.changed() ? "reloaded" : "unchanged",
                ScreeningResponse.RuleSetInfo.of(outcome.inForce()))).build();
    }
}
