package mesoscreen.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import mesoscreen.MesoscreenConfig;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * The FHIR R4 context and strict parsing: an element the model does not know is an error, never
 * silently dropped. Scanning the model takes a second or more, so it is built on its own thread from
 * the start of start-up, beside the rules being loaded; the service is not ready
 * ({@link FhirReadiness}) until it is, and a FHIR request that comes earlier waits for it.
 */
@Startup(2)
@Singleton
public class FhirSupport {
    private static final Logger LOG = Logger.getLogger(FhirSupport.class);

    private final CompletableFuture<FhirContext> context;
    private final String base;

    FhirSupport(MesoscreenConfig config) {
        base = config.fhirBaseUrl().replaceAll("/+$", "");
        context = new CompletableFuture<>();
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

    /** Whether the model has been built. */
    boolean ready() {
        return context.isDone() && !context.isCompletedExceptionally();
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
