package mesoscreen.screening;

/**
 * A request entry that the vocabulary could not read; it is returned for a clinician to review.
 * {@code path} names the list ("medications"), not the position, so list order does not matter.
 */
public record Unrecognized(String path, String entry) {
}
