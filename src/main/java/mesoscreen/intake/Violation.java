package mesoscreen.intake;

/**
 * One thing wrong with a request, by JSON path (never a Java name) and a stable code.
 * The detail names the field and what is expected, never the value a patient sent.
 */
public record Violation(String path, String code, String detail) {
}
