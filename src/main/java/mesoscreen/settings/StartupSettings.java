package mesoscreen.settings;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mesoscreen.MesoscreenConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Checks the settings before anything else starts, as the rules are checked: a bad one stops the start
 * with a message naming it and the position of the fault, never the secret. Also says loudly when the API
 * is open, and warns of {@code MESOSCREEN_*} variables that no setting reads.
 */
@Startup(1)
@Singleton
public class StartupSettings {
    private static final Logger LOG = Logger.getLogger(StartupSettings.class);

    StartupSettings(MesoscreenConfig config, Config raw) {
        UnknownVariables.warnings(System.getenv()).forEach(LOG::warn);
        List<SettingError> errors = new ArrayList<>();
        ApiKeyList.Parsed keys = ApiKeyList.parse(value(raw, ApiKeyList.VARIABLE, "mesoscreen.api-keys"));
        errors.addAll(keys.errors());
        ApiKeyList.Parsed publishable = ApiKeyList.parse(ApiKeyList.PUBLISHABLE,
                value(raw, ApiKeyList.PUBLISHABLE, "mesoscreen.publishable-keys"));
        errors.addAll(publishable.errors());
        errors.addAll(ApiKeyList.together(keys, publishable));
        errors.addAll(CorsOrigins.check(value(raw, CorsOrigins.VARIABLE, "mesoscreen.cors.origins"), config.cors().allowAny(),
                config.cors().allowCredentials()));
        if (config.rateLimitPerMinute() < 0) {
            errors.add(new SettingError("MESOSCREEN_RATE_LIMIT_PER_MINUTE",
                    "is negative; give requests a minute (more than 0), or 0 for no limit"));
        }
        if (config.rateLimitClients() < 100) {
            errors.add(new SettingError("MESOSCREEN_RATE_LIMIT_CLIENTS", "is below 100; the rate limit and the failure"
                    + " budgets must remember at least 100 clients"));
        }
        errors.addAll(TrustedProxies.check(config.trustedProxies().orElse(List.of())));
        String redis = value(raw, RedisUrl.VARIABLE, "mesoscreen.redis-url");
        errors.addAll(RedisUrl.check(redis));
        SmartServers.Parsed smart = SmartServers.parse(value(raw, SmartServers.CLIENT_ID, "mesoscreen.smart.client-id"),
                value(raw, SmartServers.VARIABLE, "mesoscreen.smart.fhir-servers"));
        errors.addAll(smart.errors());
        String adminKey = value(raw, "MESOSCREEN_ADMIN_KEY", "mesoscreen.admin-key");
        if (adminKey != null && adminKey.isBlank()) {
            errors.add(new SettingError("MESOSCREEN_ADMIN_KEY",
                    "is blank; set a key, or unset it to turn POST /admin/rules/reload off"));
        }
        if (!errors.isEmpty()) {
            InvalidSettings invalid = new InvalidSettings(errors);
            LOG.error(invalid.getMessage());
            throw invalid;
        }
        if (keys.entries().isEmpty()) {
            LOG.warn("THE API IS OPEN: MESOSCREEN_API_KEYS is not set, so /v1 and /fhir answer anyone who can reach"
                    + " this service. Set clinic=key entries to require an X-API-Key.");
        } else {
            LOG.infof("API keys required on /v1 and /fhir: %d clinic(s); publishable keys for %d clinic(s)",
                    keys.clinics(), publishable.clinics());
        }
        if (!smart.servers().isEmpty()) {
            LOG.infof("SMART on FHIR app at /smart/launch: %d FHIR server(s) may launch it", smart.servers().size());
        }
        if (redis == null || redis.isBlank()) {
            LOG.info("Limits are per replica: MESOSCREEN_REDIS_URL is not set, so each replica keeps its own rate"
                    + " limit, failure budgets and CDS Hooks replay check. With N replicas, a clinic gets N times its"
                    + " rate limit and a replayed token may be accepted once by each; set MESOSCREEN_REDIS_URL to share them.");
        } else {
            LOG.infof("Limits are shared by every replica through Redis at %s (MESOSCREEN_REDIS_URL)",
                    RedisUrl.address(redis));
        }
    }

    /**
     * The setting as given: the environment variable when it is set (even empty, which the configuration
     * treats as unset), else the configuration property.
     */
    private static String value(Config raw, String variable, String property) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Optional<String> configured = raw.getOptionalValue(property, String.class);
        return configured.orElse(null);
    }
}
