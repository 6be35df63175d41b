package mesoscreen.cdshooks;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mesoscreen.MesoscreenConfig;
import org.jboss.logging.Logger;

/**
 * The CDS Hooks settings, read and checked once at start-up: a trusted issuer without a JWK Set URL,
 * or a URL that is not absolute http(s), stops the start with a message naming the setting.
 */
@Startup
@Singleton
public class CdsSettings {
    private static final Logger LOG = Logger.getLogger(CdsSettings.class);

    private final Map<String, URI> issuers;
    /** Issuer to the clinic its EHR belongs to, for those that name one. */
    private final Map<String, String> clinics;
    private final List<URI> fhirServers;
    private final boolean allowUnsigned;
    private final Optional<URI> publicBaseUrl;

    @jakarta.inject.Inject
    CdsSettings(MesoscreenConfig config) {
        this(config.cds().trustedIssuers().orElse(List.of()), config.cds().fhirServers().orElse(List.of()),
                config.cds().allowUnsigned(),
                config.publicBaseUrl());
        if (allowUnsigned) {
            LOG.warn("!!! MESOSCREEN_CDS_ALLOW_UNSIGNED=true: CDS Hooks calls WITHOUT A SIGNED TOKEN ARE ANSWERED."
                    + " Anyone who can reach /cds-services can use it. For a local try-out only; never in production. !!!");
        }
        LOG.infof("CDS Hooks: %d trusted issuer(s), %d FHIR server(s) on the allow-list", issuers.size(),
                fhirServers.size());
    }

    /** Parses and checks the settings; throws IllegalArgumentException naming the bad one. */
    CdsSettings(List<String> trustedIssuers, List<String> fhirServers, boolean allowUnsigned,
                Optional<String> publicBaseUrl) {
        Map<String, URI> parsed = new LinkedHashMap<>();
        Map<String, String> clinicOf = new LinkedHashMap<>();
        for (String entry : trustedIssuers) {
            String[] parts = entry.split("\\|", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts.length == 3 && parts[2].isBlank()) {
                throw new IllegalArgumentException("mesoscreen.cds.trusted-issuers entries are issuer|jwks-url, or"
                        + " issuer|jwks-url|clinic; one entry is not");
            }
            if (parsed.put(parts[0].trim(), url(parts[1], "mesoscreen.cds.trusted-issuers")) != null) {
                throw new IllegalArgumentException("mesoscreen.cds.trusted-issuers names an issuer twice");
            }
            if (parts.length == 3) {
                clinicOf.put(parts[0].trim(), parts[2].trim());
            }
        }
        this.issuers = Map.copyOf(parsed);
        this.clinics = Map.copyOf(clinicOf);
        List<URI> servers = new ArrayList<>();
        for (String server : fhirServers) {
            servers.add(url(server, "mesoscreen.cds.fhir-servers"));
        }
        this.fhirServers = List.copyOf(servers);
        this.allowUnsigned = allowUnsigned;
        this.publicBaseUrl = publicBaseUrl.map(u -> url(u, "mesoscreen.public-base-url"));
    }

    /** An absolute http(s) URL without query or fragment, trailing slashes removed. */
    static URI url(String text, String setting) {
        String trimmed = text.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(setting + ": '" + trimmed
                        + "' is not an absolute http(s) URL without query");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(setting + ": '" + trimmed + "' is not a URL");
        }
    }

    /** Issuer to the URL of its JWK Set. */
    public Map<String, URI> issuers() {
        return issuers;
    }

    /** The clinic whose rule set screens a call of {@code issuer} (null: unsigned); null for the base set. */
    public String clinic(String issuer) {
        return issuer == null ? null : clinics.get(issuer);
    }

    /** Base URLs of the FHIR servers we may fetch from. */
    public List<URI> fhirServers() {
        return fhirServers;
    }

    public boolean allowUnsigned() {
        return allowUnsigned;
    }

    public Optional<URI> publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The allow-listed server a request's fhirServer names, compared as scheme, host, port and path. */
    public Optional<URI> allowedServer(String fhirServer) {
        if (fhirServer == null) {
            return Optional.empty();
        }
        URI given;
        try {
            given = url(fhirServer, "fhirServer");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return fhirServers.stream().filter(s -> same(s, given)).findFirst();
    }

    private static boolean same(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b) && a.getRawPath().equals(b.getRawPath());
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    }
}
