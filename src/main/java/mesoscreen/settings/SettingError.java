package mesoscreen.settings;

/**
 * One setting that stops the start: which (by its environment variable) and what is wrong, by position.
 * Never the value itself, which may be a secret.
 */
public record SettingError(String setting, String problem) {

    public String render() {
        return setting + ": " + problem;
    }
}
