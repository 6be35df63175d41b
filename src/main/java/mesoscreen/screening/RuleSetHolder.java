package mesoscreen.screening;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.load.RuleFolder;
import org.jboss.logging.Logger;

/**
 * One rule set in force, the base set or one clinic's, with the bookkeeping of its reloads. Each is
 * reloaded on its own: a clinic whose overlay is broken keeps its last good set and holds back no other.
 */
public final class RuleSetHolder {
    private static final Logger LOG = Logger.getLogger(RuleSetHolder.class);

    private final String clinic;
    private final Supplier<RuleFolder> source;
    /** The folders errors may name, each named from its parent so that no answer tells where the service is installed. */
    private final List<Path> folders;
    private final Loader loader;
    private final Clock clock;
    private final Counts counts;
    /**
     * The lock every reload of every set takes, admin and watcher alike (the registry): reads and applies
     * take turns, so the rules in force are those of the last folder read.
     */
    private final Object lock;
    /** Told the digest the watcher read, before it acts on it (a test seam, see the registry). */
    private final Consumer<String> afterWatchRead;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private volatile RuleSetRegistry.Reload lastReload;
    /**
     * The digest of the files the last reload read, when they failed to load (else null), so that the watcher
     * does not retry them unchanged.
     */
    private volatile String failedDigest;

    /** Loads a folder read into a rule set, examples checked; throws every error. */
    interface Loader {
        RuleSet load(RuleFolder folder, LocalDate today);
    }

    /** Reload attempts of every holder, for the metrics. */
    interface Counts {
        void count(boolean succeeded);
    }

    /** Loads the set at once: any error here stops the start. */
    RuleSetHolder(String clinic, Supplier<RuleFolder> source, List<Path> folders, Loader loader, Clock clock,
                  Counts counts, Object lock, Consumer<String> afterWatchRead) {
        this.clinic = clinic;
        this.source = source;
        this.folders = List.copyOf(folders);
        this.loader = loader;
        this.clock = clock;
        this.counts = counts;
        this.lock = lock;
        this.afterWatchRead = afterWatchRead;
        current.set(loader.load(source.get(), LocalDate.now(clock)));
    }

    /** The clinic whose set this is; null for the base set. */
    public String clinic() {
        return clinic;
    }

    public RuleSet current() {
        return current.get();
    }

    /** The last reload attempt, or null when none was made since start-up. */
    public RuleSetRegistry.Reload lastReload() {
        return lastReload;
    }

    /**
     * Reads the folder again and puts it in force if it loads completely and differs; otherwise the set in
     * force stays, and a failure is logged and kept for the health check.
     */
    RuleSetRegistry.Reload reload() {
        synchronized (lock) {
            RuleFolder read;
            try {
                read = source.get();
            } catch (RuntimeException e) {
                failedDigest = null;
                return counted(unreadable(e));
            }
            return apply(read);
        }
    }

    /**
     * For the watcher: reload when the folder's digest is no longer the one in force, or when the last reload
     * failed and the folder has changed since (an edit reverted to the rules in force clears the failure).
     * Under the reload lock, read included: a read applied after a newer admin reload would put older rules
     * in force, or leave the health check DOWN over files that are good.
     */
    void reloadIfChanged() {
        synchronized (lock) {
            RuleFolder read;
            try {
                read = source.get();
            } catch (RuntimeException e) {
                LOG.warnf("Rules folder%s not readable for watching (%s)", named(), e.getClass().getSimpleName());
                return;
            }
            String digest = read.digest();
            afterWatchRead.accept(digest);
            if (digest.equals(failedDigest)) {
                return; // these very files failed to load already
            }
            RuleSetRegistry.Reload last = lastReload;
            if (!digest.equals(current.get().digest()) || (last != null && last.failed())) {
                apply(read);
            }
        }
    }

    /**
     * Puts {@code read} in force if it loads and differs; the digest in force is always that of the bytes read.
     * Called with the lock held, by the reload that read them.
     */
    private RuleSetRegistry.Reload apply(RuleFolder read) {
        try {
            RuleSet loaded = loader.load(read, LocalDate.now(clock));
            boolean changed = !loaded.digest().equals(current.get().digest());
            if (changed) {
                current.set(loaded);
                LOG.infof("Rule set %s (%s)%s now in force", loaded.version(), loaded.digest(), named());
            }
            failedDigest = null;
            return counted(new RuleSetRegistry.Reload(clock.instant(), changed, List.of(), current.get()));
        } catch (RuleSetException e) {
            failedDigest = read.digest();
            return counted(failed(e));
        } catch (RuntimeException e) {
            failedDigest = null;
            return counted(unreadable(e));
        }
    }

    private RuleSetRegistry.Reload failed(RuleSetException e) {
        LOG.errorf("Rules reload%s failed; %s (%s) stays in force. %s", named(), current.get().version(),
                current.get().digest(), e.getMessage());
        return new RuleSetRegistry.Reload(clock.instant(), false, e.errors().stream().map(this::relative).toList(),
                current.get());
    }

    private RuleSetRegistry.Reload unreadable(RuntimeException e) {
        LOG.errorf("Rules reload%s failed (%s); the rules in force stay", named(), e.getClass().getSimpleName());
        return new RuleSetRegistry.Reload(clock.instant(), false, List.of("the rules folder could not be read"),
                current.get());
    }

    /** Every reload attempt, admin or watcher, ends here: kept for the health check and counted for the metrics. */
    private RuleSetRegistry.Reload counted(RuleSetRegistry.Reload outcome) {
        lastReload = outcome;
        counts.count(!outcome.failed());
        return outcome;
    }

    private String named() {
        return clinic == null ? "" : " of clinic " + clinic;
    }

    /**
     * An error as answers show it: files named from the rules folder (a clinic's from the clinics
     * folder: "clinic-b/checks/isotretinoin.yaml"), so that no answer tells where the service is installed.
     */
    private String relative(RuleError error) {
        Path file = Path.of(error.file()).toAbsolutePath();
        Path named = file.getFileName() == null ? Path.of(".") : file.getFileName();
        String message = error.message();
        for (Path folder : folders) {
            Path absolute = folder.toAbsolutePath();
            if (file.startsWith(absolute) && !file.equals(absolute)) {
                named = absolute.relativize(file);
            }
            message = message.replace(absolute + java.io.File.separator, "");
        }
        return new RuleError(named.toString().isEmpty() ? "." : named.toString(), error.line(), error.column(), message,
                error.sourceLine()).render();
    }
}
