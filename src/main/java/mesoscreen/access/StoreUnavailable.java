package mesoscreen.access;

/** The shared store did not answer; what depends on it falls back, or is refused for a few seconds. */
public final class StoreUnavailable extends RuntimeException {
    StoreUnavailable(String problem) {
        super(problem == null ? "the shared store is unreachable" : problem, null, false, false);
    }
}
