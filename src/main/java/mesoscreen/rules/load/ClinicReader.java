package mesoscreen.rules.load;

import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mesoscreen.Origins;
import mesoscreen.rules.Clinic;
import mesoscreen.rules.Node;
import mesoscreen.rules.Procedure;

/**
 * clinic.yaml, in a clinic's overlay only: its name, its websites and the procedures it offers, each
 * checked against the clinic's own effective catalogue.
 */
final class ClinicReader {
    private ClinicReader() {
    }

    /** The clinic of an overlay; null for a base folder, or when its file has errors (recorded). */
    static Clinic read(Reading reading, Map<String, Procedure> procedures) {
        String id = reading.folder().folder().clinic();
        if (id == null) {
            return null;
        }
        Node doc = reading.root(RuleFolder.CLINIC_FILE, true);
        if (doc == null) {
            return null;
        }
        return reading.problems().attempt(() -> {
            doc.object(orderedSet("name", "version", "origins", "offered"));
            String name = doc.required("name").text();
            Node version = doc.get("version");
            List<String> origins = new ArrayList<>();
            Node listed = doc.get("origins");
            for (Node origin : listed.isMissing() ? List.<Node>of() : listed.list()) {
                String normal = Origins.normal(origin.text());
                if (normal == null) {
                    throw origin.error("'" + origin.text() + "' is not an origin; write scheme://host[:port],"
                            + " e.g. https://clinic.example");
                }
                origins.add(normal);
            }
            List<String> offered = new ArrayList<>();
            Node offers = doc.get("offered");
            for (Node procedure : offers.isMissing() ? List.<Node>of() : offers.list()) {
                String known = procedure.oneOf(procedures.keySet(), "procedure");
                if (offered.contains(known)) {
                    throw procedure.error("procedure '" + known + "' is offered twice");
                }
                offered.add(known);
            }
            if (!offers.isMissing() && offered.isEmpty()) {
                throw offers.error("a clinic offers at least one procedure; leave 'offered' out for all of them");
            }
            return new Clinic(id, name, version.isMissing() ? null : version.text(), origins,
                    procedures.keySet().stream().filter(offered::contains).toList());
        });
    }
}
