package mesoscreen.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the CDS Hooks service, e.g. MESOSCREEN_CDS_TRUSTED_ISSUERS; checked at start-up by {@link CdsSettings}. */
@ConfigMapping(prefix = "mesoscreen.cds")
public interface CdsConfig {

    /** EHRs whose signed calls are answered, as {@code issuer|jwks-url} pairs, comma separated. */
    Optional<List<String>> trustedIssuers();

    /** Base URLs of the FHIR servers missing prefetch may be fetched from, comma separated. */
    Optional<List<String>> fhirServers();

    /** Answer unsigned calls too: for a local try-out only, and said loudly at start-up. */
    @WithDefault("false")
    boolean allowUnsigned();

}
