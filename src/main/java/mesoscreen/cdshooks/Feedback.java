package mesoscreen.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of a feedback call: what became of each card. Read to be checked, then forgotten. */
record Feedback(List<Item> feedback) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String card, String outcome, JsonNode acceptedSuggestions, JsonNode overrideReason,
                String outcomeTimestamp) {
    }
}
