package mesoscreen.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The body of a CDS Hooks 2.0 service call. Unknown top-level fields are refused, as in every request;
 * {@code extension} is the specification's place for them.
 */
record CdsRequest(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
                  JsonNode context, Map<String, JsonNode> prefetch, JsonNode extension) {

    CdsRequest {
        prefetch = prefetch == null ? Map.of() : prefetch;
    }

    /** The access token for fhirServer; its other fields (scope, subject…) are not needed here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FhirAuthorization(@JsonProperty("access_token") String accessToken,
                             @JsonProperty("token_type") String tokenType) {
    }
}
