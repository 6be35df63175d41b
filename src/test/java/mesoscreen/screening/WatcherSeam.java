package mesoscreen.screening;

import java.util.function.Consumer;

/** The rules watcher's one test seam, reached from the tests of other packages (the field is package-private). */
public final class WatcherSeam {
    private WatcherSeam() {
    }

    /** {@code hook} is told the digest of each folder the watcher reads, before it acts on it; null removes it. */
    public static void afterWatchRead(RuleSetRegistry registry, Consumer<String> hook) {
        registry.afterWatchRead = hook == null ? digest -> { } : hook;
    }
}
