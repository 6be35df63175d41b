package mesoscreen.smart;

import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import mesoscreen.MesoscreenConfig;
import mesoscreen.Origins;
import mesoscreen.rules.Clinic;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.settings.ApiKeyList;
import mesoscreen.settings.SmartServers;

/**
 * The SMART app's settings as the launch uses them: the client id, the FHIR servers an {@code iss} may name
 * (checked at start-up by {@code StartupSettings}), and, with API keys, which publishable key a launch URL may carry.
 */
@Singleton
class SmartApp {
    /** SMART v2: read what the chart tells the screening, and create the answers; nothing else. */
    static final String SCOPE = "launch openid fhirUser patient/Patient.rs patient/Condition.rs"
            + " patient/MedicationRequest.rs patient/MedicationStatement.rs patient/AllergyIntolerance.rs"
            + " patient/Observation.rs patient/QuestionnaireResponse.c";
    static final String REDIRECT = "/smart/app";

    private final Optional<String> clientId;
    private final SmartServers.Parsed servers;
    private final boolean keysRequired;
    private final List<ApiKeyList.Entry> publishable;
    private final Optional<String> publicBaseUrl;
    private final RuleSetRegistry registry;

    SmartApp(MesoscreenConfig config, RuleSetRegistry registry) {
        this.clientId = config.smart().clientId().filter(id -> !id.isBlank());
        this.servers = SmartServers.parse(clientId.orElse(null),
                String.join(",", config.smart().fhirServers().orElse(List.of())));
        this.keysRequired = config.apiKeys().filter(keys -> !keys.isEmpty()).isPresent();
        this.publishable = ApiKeyList.parse(ApiKeyList.PUBLISHABLE,
                config.publishableKeys().map(keys -> String.join(",", keys)).orElse(null)).entries();
        this.publicBaseUrl = config.publicBaseUrl().map(url -> url.trim().replaceAll("/+$", ""));
        this.registry = registry;
    }

    boolean enabled() {
        return clientId.isPresent();
    }

    String clientId() {
        return clientId.orElseThrow();
    }

    Optional<URI> server(String iss) {
        return servers.allowed(iss);
    }

    /** The listed servers' origins, each with a leading space, for connect-src. */
    String connectSources() {
        return servers.origins().stream().map(origin -> " " + origin).reduce("", String::concat);
    }

    Optional<String> publicBaseUrl() {
        return publicBaseUrl;
    }

    /**
     * Why the launch cannot call Mesoscreen with {@code key}; null when it can. Without API keys none is needed.
     * With them, the app calls with the clinic's publishable key (the launch URL registered in the EHR carries
     * it), which works only from the clinic's origins: Mesoscreen's own must be one of them.
     */
    String keyRefusal(String key, String base) {
        if (!keysRequired) {
            return null;
        }
        if (key == null || key.isBlank()) {
            return "This Mesoscreen deployment requires an API key. Register the launch URL in the EHR with the"
                    + " clinic's publishable key: " + base + "/smart/launch?key=pk_…";
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        String clinic = null;
        for (ApiKeyList.Entry entry : publishable) {
            if (MessageDigest.isEqual(given, entry.key().getBytes(StandardCharsets.UTF_8))) {
                clinic = entry.clinic();
            }
        }
        if (clinic == null) {
            return "The key in the launch URL is not one of this deployment's publishable keys"
                    + " (MESOSCREEN_PUBLISHABLE_KEYS). A launch URL is seen by every browser that opens it: never put a"
                    + " secret key in it.";
        }
        Clinic rules = registry.current(clinic).clinic();
        String own = Origins.normal(base);
        if (rules == null || own == null || !rules.origins().contains(own)) {
            return "The clinic of this publishable key does not list Mesoscreen's own address (" + own + ") among the"
                    + " origins of its clinic.yaml, so the app's calls with the key would be refused. Add it there.";
        }
        return null;
    }
}
