package mesoscreen.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import mesoscreen.MesoscreenConfig;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * The FHIR R4 context, built once at start-up (it scans the model, which takes a while), and
 * strict parsing: an element the model does not know is an error, never silently dropped.
 */
@Startup
@Singleton
public class FhirSupport {
    private static final Logger LOG = Logger.getLogger(FhirSupport.class);

    private final FhirContext context;
    private final String base;

    FhirSupport(MesoscreenConfig config) {
        long start = System.nanoTime();
        context = FhirContext.forR4();
        context.setParserErrorHandler(new StrictErrorHandler());
        // Warm the model up now rather than on the first request.
        context.newJsonParser().parseResource("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\"}");
        base = config.fhirBaseUrl().replaceAll("/+$", "");
        LOG.infof("FHIR R4 context ready in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** The canonical base of what Mesoscreen publishes, e.g. https://clinic.example/fhir. */
    public String base() {
        return base;
    }

    public IParser json() {
        return context.newJsonParser().setPrettyPrint(true);
    }

    public <T extends IBaseResource> T parse(Class<T> type, String json) {
        return context.newJsonParser().parseResource(type, json);
    }

    public String encode(IBaseResource resource) {
        return json().encodeResourceToString(resource);
    }
}
