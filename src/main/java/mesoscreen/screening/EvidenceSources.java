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

    /**
     * The fact behind a finding's evidence line; empty for lines no request field stands behind. An answer's
     * line is looked up among the answers' lines, made once, rather than copied into every screening.
     */
    public List<EvidenceFact> of(String line) {
        EvidenceFact exact = fact(line);
        if (exact != null) {
            return List.of(exact);
        }
        // The longest line it starts with, followed by ',' or ':'.
        for (int end = line.length() - 1; end > 0; end--) {
            char c = line.charAt(end);
            if (c == ',' || c == ':') {
                EvidenceFact fact = fact(line.substring(0, end));
                if (fact != null) {
                    return List.of(fact);
                }
            }
        }
        return List.of();
    }

    private EvidenceFact fact(String line) {
        EvidenceFact fact = byLine.get(line);
        return fact != null ? fact : FactsBuilder.answerFact(line);
    }
}
