package mesoscreen.screening;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private volatile RuleSetRegistry.Reload lastReload;
    /** The digest of a folder that failed to load, so that the watcher does not retry it unchanged. */
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
                  Counts counts) {
        this.clinic = clinic;
        this.source = source;
        this.folders = List.copyOf(folders);
        this.loader = loader;
        this.clock = clock;
        this.counts = counts;
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

    /** Reads the folder again and puts it in force if it loads completely and differs. */
    synchronized RuleSetRegistry.Reload reload() {
        try {
            return reload(source.get());
        } catch (RuleSetException e) {
            return failed(e);
        } catch (RuntimeException e) {
            return unreadable(e);
        }
    }

    /** For the watcher: reload when the folder's digest is no longer the one in force (or the last that failed). */
    synchronized void reloadIfChanged() {
        try {
            RuleFolder read = source.get();
            String digest = read.digest();
            RuleSetRegistry.Reload last = lastReload;
            boolean sameAsFailed = last != null && last.failed() && digest.equals(failedDigest);
            if (!digest.equals(current.get().digest()) && !sameAsFailed) {
                // The bytes just read are the ones loaded: read again, they might be another version.
                failedDigest = reload(read).failed() ? digest : null;
            }
        } catch (RuntimeException e) {
            LOG.warnf("Rules folder%s not readable for watching (%s)", named(), e.getClass().getSimpleName());
        }
    }

    /** Puts {@code read} in force if it loads and differs; the digest in force is always that of the bytes read. */
    private RuleSetRegistry.Reload reload(RuleFolder read) {
        try {
            RuleSet loaded = loader.load(read, LocalDate.now(clock));
            boolean changed = !loaded.digest().equals(current.get().digest());
            if (changed) {
                current.set(loaded);
                LOG.infof("Rule set %s (%s)%s now in force", loaded.version(), loaded.digest(), named());
            }
            return record(new RuleSetRegistry.Reload(clock.instant(), changed, List.of(), current.get()));
        } catch (RuleSetException e) {
            return failed(e);
        } catch (RuntimeException e) {
            return unreadable(e);
        }
    }

    private RuleSetRegistry.Reload failed(RuleSetException e) {
        LOG.errorf("Rules reload%s failed; %s (%s) stays in force. %s", named(), current.get().version(),
                current.get().digest(), e.getMessage());
        return record(new RuleSetRegistry.Reload(clock.instant(), false,
                e.errors().stream().map(this::relative).toList(), current.get()));
    }

    private RuleSetRegistry.Reload unreadable(RuntimeException e) {
        LOG.errorf("Rules reload%s failed (%s); the rules in force stay", named(), e.getClass().getSimpleName());
        return record(new RuleSetRegistry.Reload(clock.instant(), false, List.of("the rules folder could not be read"),
                current.get()));
    }

    private RuleSetRegistry.Reload record(RuleSetRegistry.Reload outcome) {
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
