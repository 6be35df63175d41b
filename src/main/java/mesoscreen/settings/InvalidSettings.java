package mesoscreen.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Settings the service refuses to start with: every one found, each by name and position. */
public final class InvalidSettings extends RuntimeException {
    private final transient List<SettingError> errors;

    public InvalidSettings(List<SettingError> errors) {
        super(errors.size() + " setting(s) stop the start:\n" + errors.stream()
                .map(e -> "  " + e.render()).collect(Collectors.joining("\n")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<SettingError> errors() {
        return errors;
    }
}
