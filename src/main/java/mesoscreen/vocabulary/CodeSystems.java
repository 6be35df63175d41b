package mesoscreen.vocabulary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The code systems Mesoscreen reads, by the short alias of the contract or the FHIR system URI. */
public final class CodeSystems {
    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        alias("icd-10", "http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-cm");
        alias("snomed", "http://snomed.info/sct");
        alias("atc", "http://www.whocc.no/atc");
        alias("rxnorm", "http://www.nlm.nih.gov/research/umls/rxnorm");
    }

    private CodeSystems() {
    }

    private static void alias(String alias, String... uris) {
        BY_NAME.put(alias, alias);
        for (String uri : uris) {
            BY_NAME.put(uri, alias);
        }
    }

    /** The alias for an alias or URI; empty when the system is not one we read. */
    public static Optional<String> alias(String system) {
        return Optional.ofNullable(BY_NAME.get(system));
    }

    public static java.util.List<String> aliases() {
        return BY_NAME.entrySet().stream().filter(e -> e.getKey().equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** A URI we do not know is a legitimate system we cannot read; anything else is a typo. */
    public static boolean looksLikeUri(String system) {
        return system.contains(":");
    }
}
