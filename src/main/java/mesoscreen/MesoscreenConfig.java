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
}
