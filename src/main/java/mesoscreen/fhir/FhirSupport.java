package mesoscreen.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import mesoscreen.MesoscreenConfig;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * The FHIR R4 context and strict parsing: an element the model does not know is an error, never
 * silently dropped. Scanning the model takes a second or more, so it is not on the start-up path: a
 * thread builds it once the service has started, and a FHIR or CDS Hooks request that comes earlier
 * waits for it.
 */
@Singleton
public class FhirSupport {
    private static final Logger LOG = Logger.getLogger(FhirSupport.class);

    private final CompletableFuture<FhirContext> context = new CompletableFuture<>();
    private final String base;

    FhirSupport(MesoscreenConfig config) {
        base = config.fhirBaseUrl().replaceAll("/+$", "");
    }

    /** Last of the start-up observers, so that it does not compete with start-up for the CPU. */
    void buildAfterStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent started) {
        Thread builder = new Thread(() -> {
            try {
                context.complete(build());
            } catch (RuntimeException | Error e) {
                LOG.errorf("FHIR R4 context failed: %s", e.getClass().getName());
                context.completeExceptionally(e);
            }
        }, "fhir-model");
        builder.setDaemon(true);
        builder.start();
    }

    private static FhirContext build() {
        long start = System.nanoTime();
        // The JVM's one R4 model (the CDS Hooks adapter reads with it too); strictness is set per parser.
        FhirContext context = FhirContext.forR4Cached();
        // Scan the model now rather than on the first request.
        context.newJsonParser().parseResource("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\"}");
        LOG.infof("FHIR R4 context ready in %d ms", (System.nanoTime() - start) / 1_000_000);
        return context;
    }

    private FhirContext context() {
        return context.join();
    }

    /** The canonical base of what Mesoscreen publishes, e.g. https://clinic.example/fhir. */
    public String base() {
        return base;
    }

    public IParser json() {
        return context().newJsonParser().setPrettyPrint(true).setParserErrorHandler(new StrictErrorHandler());
    }

    public <T extends IBaseResource> T parse(Class<T> type, String json) {
        return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(type, json);
    }

    public String encode(IBaseResource resource) {
        return json().encodeResourceToString(resource);
    }
}
