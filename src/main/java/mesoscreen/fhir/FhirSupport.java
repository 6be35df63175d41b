package mesoscreen.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.inject.Singleton;
import mesoscreen.MesoscreenConfig;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * The FHIR R4 context and strict parsing: an element the model does not know is an error, never
 * silently dropped. The context scans the whole R4 model (a second or more and tens of megabytes), so it
 * is built on the first FHIR request rather than at start-up: most deployments never use FHIR, and
 * the rest pay it once.
 */
@Singleton
public class FhirSupport {
    private static final Logger LOG = Logger.getLogger(FhirSupport.class);

    private final String base;
    private volatile FhirContext context;

    FhirSupport(MesoscreenConfig config) {
        base = config.fhirBaseUrl().replaceAll("/+$", "");
    }

    private FhirContext context() {
        FhirContext built = context;
        if (built == null) {
            synchronized (this) {
                built = context;
                if (built == null) {
                    long start = System.nanoTime();
                    built = FhirContext.forR4();
                    built.setParserErrorHandler(new StrictErrorHandler());
                    context = built;
                    LOG.infof("FHIR R4 context ready in %d ms", (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return built;
    }

    /** The canonical base of what Mesoscreen publishes, e.g. https://clinic.example/fhir. */
    public String base() {
        return base;
    }

    public IParser json() {
        return context().newJsonParser().setPrettyPrint(true);
    }

    public <T extends IBaseResource> T parse(Class<T> type, String json) {
        return context().newJsonParser().parseResource(type, json);
    }

    public String encode(IBaseResource resource) {
        return json().encodeResourceToString(resource);
    }
}
