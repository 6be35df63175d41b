package mesoscreen.rules;

/**
 * One thing wrong in a rule file, located to the character so that a clinician editing YAML
 * sees exactly where. Rendered like a compiler diagnostic, with the offending line and a caret.
 */
public record RuleError(String file, int line, int column, String message, String sourceLine) {

    public String render() {
        return render("ERROR");
    }

    /** Rendered under another label, e.g. a coverage note that points at a rule the same way. */
    public String render(String label) {
        StringBuilder out = new StringBuilder(label).append(": ").append(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ").append(message);
        if (sourceLine != null && line > 0) {
            out.append("\n | ").append(sourceLine)
               .append("\n | ").append(".".repeat(Math.max(0, column - 1))).append('^');
        }
        return out.toString();
    }

    /** Thrown while reading one entry; the loader collects it and goes on with the next entry. */
    public static final class Raised extends RuntimeException {
        private final transient RuleError error;

        public Raised(RuleError error) {
            super(error.render(), null, false, false);
            this.error = error;
        }

        public RuleError error() {
            return error;
        }
    }
}
