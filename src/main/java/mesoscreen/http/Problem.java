package mesoscreen.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import mesoscreen.intake.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem. {@code code} is stable for programs; {@code path} is the JSON path of the
 * field at fault; {@code errors} lists every violation, a single fault included. Never a class name,
 * never a stack trace, never a value the patient sent.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(examples = "urn:mesoscreen:problem:unknown-answer") String type,
        @Schema(examples = "Unknown answer") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "unknown answer 'pregnnat'; did you mean 'pregnant'?") String detail,
        @Schema(description = "Stable, machine-readable code.", examples = "unknown-answer") String code,
        @Schema(description = "JSON path of the field at fault.", examples = "answers.pregnnat") String path,
        @Schema(description = "Every fault, always present: one entry for a single fault, so that clients read one"
                + " shape.") List<Violation> errors,
        @Schema(description = "The request's id (X-Request-Id, sent or generated), to quote when reporting it.",
                examples = "4f1c2a9e-7b3d-4c5e-8a6f-0b1c2d3e4f5a") String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String detail, String path) {
        return new Problem("urn:mesoscreen:problem:" + code, title(code), status, detail, code, path,
                List.of(new Violation(path == null ? "" : path, code, detail)), null);
    }

    /** At most this many violations are listed, so a hostile request cannot make a huge answer. */
    static final int MAX_LISTED = 20;

    public static Problem of(List<Violation> violations) {
        Violation first = violations.get(0);
        String detail = violations.size() == 1 ? first.detail()
                : first.detail() + " (and " + (violations.size() - 1) + " more" + (violations.size() > MAX_LISTED
                ? "; the first " + MAX_LISTED + " are listed in errors)" : ": see errors)");
        return new Problem("urn:mesoscreen:problem:" + first.code(), title(first.code()), 400, detail, first.code(),
                first.path().isEmpty() ? null : first.path(),
                violations.subList(0, Math.min(MAX_LISTED, violations.size())), null);
    }

    /** This problem, naming the request it answers. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, code, path, errors, id);
    }

    /** "unknown-answer" reads as "Unknown answer". */
    private static String title(String code) {
        String words = code.replace('-', ' ').replace("json", "JSON");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
