package mesoscreen.chart;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A resource of a patient's record and where the caller sent it ("prefetch.conditions.entry[0].resource"),
 * so that what cannot be read is named by its place, never by what it says.
 */
public record Located(Resource resource, String path) {

    /** The resource itself, or the resources of a Bundle's entries (a Bundle of Bundles is opened too). */
    public static List<Located> flatten(Resource resource, String path) {
        List<Located> out = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).hasResource()) {
                    out.addAll(flatten(entries.get(i).getResource(), path + ".entry[" + i + "].resource"));
                }
            }
        } else if (resource != null) {
            out.add(new Located(resource, path));
        }
        return out;
    }

    /** The resources alone, for readers that need no place. */
    public static List<Resource> resources(List<Located> located) {
        return located.stream().map(Located::resource).toList();
    }
}
