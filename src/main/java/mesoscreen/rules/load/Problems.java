package mesoscreen.rules.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import mesoscreen.rules.RuleError;

/**
 * The errors of one load, in the order they are found, so that an author fixes a whole folder in one
 * pass. Readers raise a located error for the entry they read; {@link #attempt} records it and the
 * reader goes on with the next entry.
 */
final class Problems {
    private final List<RuleError> errors = new ArrayList<>();

    void add(RuleError error) {
        errors.add(error);
    }

    /** Runs one reading step; a raised error is recorded and the step yields null. */
    <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuleError.Raised e) {
            errors.add(e.error());
            return null;
        }
    }

    void attempt(Runnable step) {
        attempt(() -> {
            step.run();
            return null;
        });
    }

    int count() {
        return errors.size();
    }

    boolean any() {
        return !errors.isEmpty();
    }

    List<RuleError> list() {
        return List.copyOf(errors);
    }
}
