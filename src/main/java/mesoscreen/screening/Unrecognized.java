package mesoscreen.screening;

/** A request entry that the vocabulary could not read; it is returned for a clinician to review. */
public record Unrecognized(String path, String entry) {
}
