package mesoscreen.screening;

import java.util.List;
import java.util.Map;

/**
 * The facts behind the evidence lines of one screening. Conditions extend the line of a fact with what
 * they concluded from it ("…, taken now", "…: less than 14 days before …"), so a finding's line is
 * looked up by the fact's line it starts with.
 */
public record EvidenceSources(Map<String, EvidenceFact> byLine) {

    public EvidenceSources {
        byLine = Map.copyOf(byLine);
    }

    /** The fact behind a finding's evidence line; empty for lines no request field stands behind. */
    public List<EvidenceFact> of(String line) {
        EvidenceFact exact = byLine.get(line);
        if (exact != null) {
            return List.of(exact);
        }
        String best = null;
        for (String known : byLine.keySet()) {
            if (line.startsWith(known) && (line.charAt(known.length()) == ',' || line.charAt(known.length()) == ':')
                    && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return best == null ? List.of() : List.of(byLine.get(best));
    }
}
