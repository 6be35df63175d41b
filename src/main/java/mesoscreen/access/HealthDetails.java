package mesoscreen.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import mesoscreen.http.Refusals;

/**
 * {@code /q/health} and {@code /q/health/well} carry the errors of a failed rules reload: with the
 * admin key (X-Admin-Key) they are shown as SmallRye Health writes them; without it, only each
 * check's name and UP or DOWN. A wrong key spends the admin key's failure budget.
 */
@Singleton
public class HealthDetails {
    static final int PRIORITY = 250;

    void register(@Observes Filters filters, AdminKey admin, Refusals refusals, SmallRyeHealthReporter reporter) {
        filters.register(context -> handle(context, admin, refusals, reporter), PRIORITY);
    }

    /** Whether "health" is in the path in any case, without a lower-cased copy of every request's path. */
    static boolean mentionsHealth(String path) {
        for (int at = path.length() - 6; at >= 0; at--) {
            if (path.regionMatches(true, at, "health", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private static void handle(RoutingContext context, AdminKey admin, Refusals refusals, SmallRyeHealthReporter reporter) {
        // Canonical form only lower-cases and drops or folds segments, so a path that does not contain
        // "health" in some case cannot be a health path: most requests skip the work.
        if (!mentionsHealth(context.normalizedPath())) {
            context.next();
            return;
        }
        String path = AccessControl.canonical(context.normalizedPath());
        boolean all = path.equals("/q/health");
        if (!all && !path.equals("/q/health/well")) {
            context.next();
            return;
        }
        String given = context.request().getHeader(AdminKey.HEADER);
        if (given != null && admin.configured()) {
            admin.check(given, ClientAddress.of(context.request().remoteAddress())).subscribe().with(refusal -> {
                if (refusal == null) {
                    context.next();
                } else {
                    refusals.send(context, refusal);
                }
            }, context::fail);
            return;
        }
        context.vertx().executeBlocking(() -> all ? reporter.getHealth() : reporter.getWellness())
                .onSuccess(health -> context.response().setStatusCode(health.isDown() ? 503 : 200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(summary(health).encode()))
                .onFailure(context::fail);
    }

    /** The overall status and each check's name and status, without its data. */
    private static JsonObject summary(SmallRyeHealth health) {
        JsonArray checks = new JsonArray();
        jakarta.json.JsonArray all = health.getPayload().getJsonArray("checks");
        for (int i = 0; all != null && i < all.size(); i++) {
            jakarta.json.JsonObject check = all.getJsonObject(i);
            checks.add(new JsonObject().put("name", check.getString("name", "")).put("status", check.getString("status", "")));
        }
        return new JsonObject().put("status", health.getPayload().getString("status", "")).put("checks", checks);
    }
}
