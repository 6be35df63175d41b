package mesoscreen.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.fhir.FhirSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** FHIR R4 resources of a CDS Hooks request (context and prefetch), read strictly, Bundles opened. */
final class Resources {
    private Resources() {
    }

    /** The resource at {@code path} of the request, parsed by the FHIR model; unreadable ones are a 400. */
    static Resource parse(FhirSupport fhir, JsonNode node, String path) {
        if (node == null || !node.isObject() || !node.hasNonNull("resourceType")) {
            throw CdsRejected.badRequest(path, "expected a FHIR R4 resource (an object with resourceType)");
        }
        try {
            return (Resource) fhir.json().parseResource(node.toString());
        } catch (RuntimeException e) {
            // The parser's message may quote what the EHR sent; only the place is named.
            throw CdsRejected.badRequest(path, "not a FHIR R4 resource Mesoscreen can read");
        }
    }

    /** The resource itself, or the resources of a Bundle's entries (a Bundle of Bundles is opened too). */
    static List<Resource> flatten(Resource resource) {
        List<Resource> out = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource()) {
                    out.addAll(flatten(entry.getResource()));
                }
            }
        } else if (resource != null) {
            out.add(resource);
        }
        return out;
    }

    /** A searchset with a next page holds only part of what was asked for. */
    static boolean partial(Resource resource) {
        return resource instanceof Bundle bundle && bundle.getLink("next") != null;
    }
}
