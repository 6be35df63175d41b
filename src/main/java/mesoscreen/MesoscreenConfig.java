package mesoscreen;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of the service; each can be given as an environment variable, e.g. MESOSCREEN_RULES_DIR. */
@ConfigMapping(prefix = "mesoscreen")
public interface MesoscreenConfig {

    /** The rule folder: ruleset.yaml, questions, procedures, vocabulary and checks. */
    @WithDefault("rules")
    Path rulesDir();

    /**
     * The clinics of a group sharing this deployment: one folder per clinic, named by the clinic id its API
     * keys name, holding its clinic.yaml and the rule files it replaces or adds. None: one rule set for all.
     */
    java.util.Optional<Path> clinicsDir();

    /**
     * Largest request body accepted; larger ones get a 413 problem. Quarkus's own limit
     * ({@code quarkus.http.limits.max-body-size}) must stay above it.
     */
    @WithDefault("256K")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    /**
     * Canonical base URL of the FHIR resources Mesoscreen publishes (Questionnaire, CodeSystems);
     * set it to the address clients reach the service at, e.g. https://screening.clinic.example/fhir.
     */
    @WithDefault("https://mesoscreen.example/fhir")
    String fhirBaseUrl();

    /**
     * How often the rules folder is checked for changes, which are then loaded without a restart;
     * 0 (the default) turns watching off. A folder that fails to load never replaces the rules in force.
     */
    @WithDefault("0s")
    java.time.Duration rulesWatchInterval();

    /** Key for POST /admin/rules/reload (header X-Admin-Key); the endpoint answers 404 without one. */
    java.util.Optional<String> adminKey();

    /**
     * API keys for /v1 and /fhir as {@code clinic=key} entries, comma separated; when any is set,
     * every request needs one in the X-API-Key header. None: the API is open.
     */
    java.util.Optional<java.util.List<String>> apiKeys();

    /**
     * Publishable keys, {@code clinic=pk_...} entries as for {@link #apiKeys}: keys a clinic's web page may
     * show. Accepted only to read the questionnaire and the procedures and to post a screening, and only
     * from the clinic's own websites (the origins of its clinic.yaml); each client address has its own quota.
     */
    java.util.Optional<java.util.List<String>> publishableKeys();

    /** Requests a minute per API key (per client address without keys); 0, the default, is no limit. */
    @WithDefault("0")
    int rateLimitPerMinute();

    /**
     * How many clients (addresses, IPv6 /64 networks, presented keys) the rate limit and the
     * failure budgets remember; beyond it the least recently seen are forgotten, one at a time.
     */
    @WithDefault("100000")
    int rateLimitClients();

    /**
     * The Redis every replica shares, as {@code redis://[user:password@]host[:port][/db]} ({@code rediss://}
     * for TLS): the replay check of CDS Hooks tokens, the rate limit and the failure budgets then hold across
     * replicas. None, the default: they are this replica's own.
     */
    java.util.Optional<String> redisUrl();

    /**
     * Reverse proxies (IP addresses or CIDR ranges) whose X-Forwarded-For or Forwarded header names
     * the client. None, the default: those headers are ignored and the connecting address is the client.
     */
    java.util.Optional<java.util.List<String>> trustedProxies();

    /**
     * The address clients call the service at (https://screening.clinic.example), when a proxy stands in
     * front of it; CDS Hooks tokens name it plus the path called as their audience. Absent: taken from the request.
     */
    java.util.Optional<String> publicBaseUrl();

    /** Browsers on other websites. */
    Cors cors();

    /** CDS Hooks: the EHRs whose calls are answered, where missing prefetch may come from; checked at start-up. */
    Cds cds();

    interface Cds {
        /** EHRs whose signed calls are answered, as {@code issuer|jwks-url} pairs, comma separated. */
        java.util.Optional<java.util.List<String>> trustedIssuers();

        /** Base URLs of the FHIR servers missing prefetch may be fetched from, comma separated. */
        java.util.Optional<java.util.List<String>> fhirServers();

        /** Answer unsigned calls too: for a local try-out only, and said loudly at start-up. */
        @WithDefault("false")
        boolean allowUnsigned();
    }

    /** What the access log keeps beyond method, route, status, size, time and request id. */
    AccessLog accessLog();

    /** The SMART on FHIR app an EHR launches at /smart/launch; checked at start-up. */
    Smart smart();

    interface Smart {
        /**
         * The client id the EHR registered the app under, a public client (no secret: the app runs in the
         * browser). None, the default: no app at /smart/launch and no SMART link on the CDS Hooks cards.
         */
        java.util.Optional<String> clientId();

        /**
         * The FHIR base URLs an EHR launch may name as {@code iss}, comma separated: https, or http for a loopback
         * host. A launch naming any other server gets an error page, and the app makes no request to it.
         */
        java.util.Optional<java.util.List<String>> fhirServers();
    }

    interface Cors {
        /** Websites allowed to call from the browser, as scheme://host[:port]; none by default. */
        java.util.Optional<java.util.List<String>> origins();

        /** Must be true for origins '*' (every website) to be accepted at start-up. */
        @WithDefault("false")
        boolean allowAny();

        /** Access-Control-Allow-Credentials; off, as authentication is by header, not cookies. */
        @WithDefault("false")
        boolean allowCredentials();
    }

    interface AccessLog {
        /** Log query strings, which may carry what a user typed. */
        @WithDefault("false")
        boolean query();

        /** Log the client address, personal data in most jurisdictions. */
        @WithDefault("false")
        boolean clientAddress();
    }
}
