package mesoscreen.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import mesoscreen.MesoscreenConfig;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * The FHIR R4 context and strict parsing: an element the model does not know is an error, never
 * silently dropped. Scanning the model takes a second or more, so it is not on the start-up path: a
 * thread builds it once the HTTP server listens (the service is then ready: its start no longer shares the
 * CPU with it), and a FHIR or CDS Hooks request that comes earlier waits for it (or starts it).
 */
@Singleton
public class FhirSupport {
    private static final Logger LOG = Logger.getLogger(FhirSupport.class);

    /**
     * The resources the service reads or writes (CDS Hooks prefetch, the FHIR endpoints): their definitions are
     * completed when the model is built, the others when first met (HAPI's deferred scanning, which keeps about
     * 8 MB of definitions of resources Mesoscreen never sees off the heap).
     */
    private static final List<String> USED = List.of("Bundle", "Patient", "Condition", "MedicationRequest",
            "MedicationStatement", "Medication", "AllergyIntolerance", "Observation", "QuestionnaireResponse",
            "Questionnaire", "CodeSystem", "Parameters", "OperationOutcome", "CapabilityStatement");

    private final CompletableFuture<FhirContext> context = new CompletableFuture<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final String base;

    FhirSupport(MesoscreenConfig config) {
        base = config.fhirBaseUrl().replaceAll("/+$", "");
    }

    /** Quarkus fires these asynchronously once the server listens. */
    void buildAfterStart(@ObservesAsync HttpServerStart started) {
        build();
    }

    void buildAfterStart(@ObservesAsync HttpsServerStart started) {
        build();
    }

    /** Starts building the model on its own thread, once. */
    private void build() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        Thread builder = new Thread(() -> {
            try {
                context.complete(model());
            } catch (RuntimeException | Error e) {
                LOG.errorf("FHIR R4 context failed: %s", e.getClass().getName());
                context.completeExceptionally(e);
            }
        }, "fhir-model");
        builder.setDaemon(true);
        builder.start();
    }

    private static FhirContext model() {
        long start = System.nanoTime();
        // The JVM's one R4 model (the CDS Hooks adapter reads with it too); strictness is set per parser.
        FhirContext context = FhirContext.forR4Cached();
        context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        // Scan the model now rather than on the first request.
        IParser parser = context.newJsonParser();
        USED.forEach(type -> parser.parseResource("{\"resourceType\":\"" + type + "\"}"));
        LOG.infof("FHIR R4 context ready in %d ms", (System.nanoTime() - start) / 1_000_000);
        return context;
    }

    private FhirContext context() {
        build();
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
