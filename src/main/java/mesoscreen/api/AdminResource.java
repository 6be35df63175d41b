package mesoscreen.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
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
                             ScreeningResponse.RuleSetInfo ruleset,
                             @Schema(description = "Each clinic's set, reloaded on its own; empty without clinics.")
                             List<ClinicReload> clinics) {
    }

    @Schema(name = "ClinicReload")
    public record ClinicReload(@Schema(examples = "clinic-b") String clinic,
                               @Schema(enumeration = {"reloaded", "unchanged", "failed"}) String status,
                               @Schema(description = "The set in force after the reload: the last good one when it failed.")
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
        Map<String, RuleSetRegistry.Reload> outcomes = registry.reload();
        // Each set reloads on its own: a clinic's broken overlay is reported, and the others stay reloaded.
        List<Violation> errors = outcomes.values().stream().flatMap(outcome -> outcome.errors().stream())
                .map(e -> new Violation("rules", "rules-invalid", e)).toList();
        if (!errors.isEmpty()) {
            Problem problem = Problem.of(errors);
            return ProblemMappers.respond(new Problem(problem.type(), "Rules invalid", 422,
                    errors.size() + " error(s) in the rules; the rules in force stay where they fail", "rules-invalid",
                    null, errors, null));
        }
        RuleSetRegistry.Reload base = outcomes.get(null);
        List<ClinicReload> clinics = outcomes.entrySet().stream().filter(e -> e.getKey() != null)
                .map(e -> new ClinicReload(e.getKey(), status(e.getValue()),
                        ScreeningResponse.RuleSetInfo.of(e.getValue().inForce())))
                .toList();
        return Response.ok(new ReloadView(status(base), ScreeningResponse.RuleSetInfo.of(base.inForce()), clinics)).build();
    }

    private static String status(RuleSetRegistry.Reload outcome) {
        return outcome.failed() ? "failed" : outcome.changed() ? "reloaded" : "unchanged";
    }
}
