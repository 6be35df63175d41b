package mesoscreen.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.JsonParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import jakarta.inject.Singleton;
import mesoscreen.MesoscreenConfig;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resources of a CDS Hooks request (context and prefetch), read strictly (an element the model does not
 * know is an error, never dropped), Bundles opened. The R4 model is the JVM's one cached context, which the
 * FHIR endpoints use too.
 */
@Singleton
class Resources {
    private final FhirContext context = FhirContext.forR4Cached();
    private final String procedureSystem;

    Resources(MesoscreenConfig config) {
        this.procedureSystem = config.fhirBaseUrl().replaceAll("/+$", "") + "/CodeSystem/procedure";
    }

    /** Mesoscreen's procedure code system, in which EHRs code orders and appointments (GET /fhir/CodeSystem/procedure). */
    String procedureSystem() {
        return procedureSystem;
    }

    /** The resource at {@code path} of the request, parsed by the FHIR model; unreadable ones are a 400. */
    Resource parse(JsonNode node, String path) {
        if (node == null || !node.isObject() || !node.hasNonNull("resourceType")) {
            throw CdsRejected.badRequest(path, "expected a FHIR R4 resource (an object with resourceType)");
        }
        try {
            return (Resource) new TreeParser(context, (ObjectNode) node).parseResource(TreeParser.NO_TEXT);
        } catch (RuntimeException e) {
            // The parser's message may quote what the EHR sent; only the place is named.
            throw CdsRejected.badRequest(path, "not a FHIR R4 resource Mesoscreen can read");
        }
    }

    /**
     * HAPI's strict JSON parser reading the request's JSON tree, which the body was read into once, instead of
     * its text: writing the tree out and reading it back was a quarter of a call's CPU (README, Performance).
     * Only where the text is loaded does it differ from {@code parseResource(String)}; every check and the
     * Bundle's handling after it (entry ids from fullUrl) stay HAPI's own.
     */
    static final class TreeParser extends JsonParser {
        /** Stands for the text the tree was read from; never read. */
        static final Reader NO_TEXT = Reader.nullReader();
        private final ObjectNode tree;

        TreeParser(FhirContext context, ObjectNode tree) {
            super(context, new StrictErrorHandler());
            this.tree = tree;
        }

        @Override
        public <T extends IBaseResource> T doParseResource(Class<T> type, Reader text) {
            JacksonStructure structure = new JacksonStructure();
            structure.setNativeObject(tree);
            return doParseResource(type, structure);
        }
    }

    /**
     * Whether the resource holds only part of what was asked for, or none of it: an OperationOutcome in place of
     * the data (how a CDS client reports a failed prefetch), a search with a next page, or one with an error.
     */
    static boolean partial(Resource resource) {
        if (resource instanceof OperationOutcome) {
            return true;
        }
        return resource instanceof Bundle bundle && (bundle.getLink("next") != null || bundle.getEntry().stream()
                .anyMatch(e -> e.getResource() instanceof OperationOutcome outcome && outcome.getIssue().stream()
                        .anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                                || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)));
    }
}
