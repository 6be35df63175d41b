package mesoscreen.rules;

import java.util.List;

/**
 * A clinic of a group sharing one deployment, as its {@code clinic.yaml} describes it.
 *
 * @param id      the clinic's folder name, the id its API keys name
 * @param name    how people call it
 * @param version the clinic's own revision of its overlay; null when it keeps none
 * @param origins its websites (scheme://host[:port]), the pages that may embed the form with its publishable key
 * @param offered the procedures it offers, in catalogue order; empty when it offers the whole catalogue
 */
public record Clinic(String id, String name, String version, List<String> origins, List<String> offered) {
    public Clinic {
        origins = List.copyOf(origins);
        offered = List.copyOf(offered);
    }

    public boolean offers(String procedure) {
        return offered.isEmpty() || offered.contains(procedure);
    }
}
