package mesoscreen.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule folder cannot be used: every error found, in file order. */
public final class RuleSetException extends RuntimeException {
    private final transient List<RuleError> errors;

    public RuleSetException(List<RuleError> errors) {
        super(errors.size() + " error(s) in rules:\n"
                + errors.stream().map(RuleError::render).collect(Collectors.joining("\n")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
