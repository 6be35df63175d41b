package mesoscreen.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import mesoscreen.intake.Violation;

/**
 * Errors of the FHIR endpoints as R4 OperationOutcome resources: one issue per violation, with our
 * stable problem code in {@code details.coding}, the FHIRPath of the element in {@code expression}.
 */
public final class OperationOutcomes {
    public static final String MEDIA_TYPE = "application/fhir+json";
    private static final String PROBLEM_SYSTEM = "urn:mesoscreen:problem";

    private OperationOutcomes() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String resourceType, List<Issue> issue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issue(String severity, String code, Details details, String diagnostics, List<String> expression) {
    }

    public record Details(List<Coding> coding, String text) {
    }

    public record Coding(String system, String code) {
    }

    public static Outcome of(int status, List<Violation> violations) {
        return new Outcome("OperationOutcome", violations.stream().limit(20).map(v -> new Issue("error", issueType(status, v.code()),
                new Details(List.of(new Coding(PROBLEM_SYSTEM, v.code())), v.code().replace('-', ' ')), v.detail(),
                v.path() == null || v.path().isEmpty() ? null : List.of(v.path()))).toList());
    }

    /** The FHIR issue type for an HTTP status and our problem code. */
    private static String issueType(int status, String code) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 429 -> "throttled";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 413 -> "too-costly";
            case 400 -> code.equals("malformed-json") || code.equals("invalid-resource") ? "structure" : "invalid";
            default -> status >= 500 ? "exception" : "processing";
        };
    }
}
