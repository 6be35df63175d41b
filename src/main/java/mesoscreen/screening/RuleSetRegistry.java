package mesoscreen.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import mesoscreen.MesoscreenConfig;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.RuleSetLoader;
import mesoscreen.rules.load.RuleFolder;
import org.jboss.logging.Logger;

/**
 * Holds the rule set in force. It is loaded, compiled and checked against its own examples at
 * start-up, where any error stops the service, naming file, line and column. Later reloads (on
 * request, or when the folder changes) replace it only with a rule set that loads completely; a
 * failed reload keeps the last good one and is reported. A request reads {@link #current()} once,
 * so it sees exactly one rule set.
 */
@Startup
@Singleton
public class RuleSetRegistry {
    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    private final Path folder;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeValidator validator;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private volatile Reload lastReload;
    private final AtomicLong reloadsSucceeded = new AtomicLong();
    private final AtomicLong reloadsFailed = new AtomicLong();
    /**
     * The digest of the files the last reload read, when they failed to load (else null), so that the watcher
     * does not retry them unchanged.
     */
    private volatile String failedDigest;
    private ScheduledExecutorService watcher;

    /** The outcome of the last reload attempt; {@code errors} empty when it succeeded. */
    public record Reload(Instant at, boolean changed, List<String> errors, RuleSet inForce) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    RuleSetRegistry(MesoscreenConfig config, ObjectMapper json, Validator validator, Clock clock) {
        this.folder = config.rulesDir();
        this.json = json;
        this.clock = clock;
        this.validator = new IntakeValidator(validator);
        long start = System.nanoTime();
        try {
            current.set(load(folder, json, this.validator, LocalDate.now(clock)));
        } catch (RuleSetException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        RuleSet rules = current.get();
        LOG.infof("Rule set %s (%s) loaded from %s: %d rules, %d examples checked in %d ms",
                rules.version(), rules.digest(), folder, rules.rules().size(),
                rules.rules().stream().mapToInt(r -> r.examples().size()).sum(),
                (System.nanoTime() - start) / 1_000_000);
        long every = config.rulesWatchInterval().toMillis();
        if (every > 0) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "rules-watch");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** Loads, compiles and checks the examples of a rule folder; any error throws them all. */
    public static RuleSet load(Path folder, ObjectMapper json, IntakeValidator validator, LocalDate today) {
        return load(RuleFolder.read(folder), json, validator, today);
    }

    /** The last stage of loading: the folder's examples run through the same reader and screening as a request. */
    static RuleSet load(RuleFolder folder, ObjectMapper json, IntakeValidator validator, LocalDate today) {
        RuleSet loaded = RuleSetLoader.load(folder);
        List<RuleError> failures = Examples.check(loaded, json, validator, today);
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return loaded;
    }

    public RuleSet current() {
        return current.get();
    }

    public IntakeValidator validator() {
        return validator;
    }

    /** Reload attempts since start-up that succeeded (or failed), for the metrics. */
    public long reloads(boolean succeeded) {
        return (succeeded ? reloadsSucceeded : reloadsFailed).get();
    }

    /** The last reload attempt, or null when none was made since start-up. */
    public Reload lastReload() {
        return lastReload;
    }

    /**
     * Loads the folder again. The new rule set is put in force only if it loads completely and
     * differs from the one in force; otherwise the rule set in force stays, and a failure is
     * logged and kept for the health check. Reading and applying happen under the one lock the watcher
     * takes too, so whichever reload comes last has read the newest files.
     */
    public synchronized Reload reload() {
        RuleFolder read;
        try {
            read = RuleFolder.read(folder);
        } catch (RuntimeException e) {
            failedDigest = null;
            return counted(unreadable(e));
        }
        return apply(read);
    }

    /**
     * Puts {@code read} in force if it loads and differs; the digest in force is always that of the bytes read.
     * Called with the lock held, by the reload that read them.
     */
    private Reload apply(RuleFolder read) {
        try {
            RuleSet loaded = load(read, json, validator, LocalDate.now(clock));
            boolean changed = !loaded.digest().equals(current.get().digest());
            if (changed) {
                current.set(loaded);
                LOG.infof("Rule set %s (%s) now in force", loaded.version(), loaded.digest());
            }
            failedDigest = null;
            return counted(new Reload(clock.instant(), changed, List.of(), current.get()));
        } catch (RuleSetException e) {
            failedDigest = read.digest();
            return counted(failed(e));
        } catch (RuntimeException e) {
            failedDigest = null;
            return counted(unreadable(e));
        }
    }

    /** Every reload attempt, admin or watcher, ends here: kept for the health check and counted for the metrics. */
    private Reload counted(Reload outcome) {
        lastReload = outcome;
        (outcome.failed() ? reloadsFailed : reloadsSucceeded).incrementAndGet();
        return outcome;
    }

    private Reload failed(RuleSetException e) {
        LOG.errorf("Rules reload failed; %s (%s) stays in force. %s", current.get().version(),
                current.get().digest(), e.getMessage());
        return new Reload(clock.instant(), false, e.errors().stream().map(this::relative).toList(), current.get());
    }

    private Reload unreadable(RuntimeException e) {
        LOG.errorf("Rules reload failed (%s); the rules in force stay", e.getClass().getSimpleName());
        return new Reload(clock.instant(), false, List.of("the rules folder could not be read"), current.get());
    }

    /**
     * An error as answers show it: files named from the rules folder, so that no answer tells where
     * the service is installed.
     */
    private String relative(RuleError error) {
        Path file = Path.of(error.file());
        Path named = file.startsWith(folder) ? folder.relativize(file)
                : file.toAbsolutePath().startsWith(folder.toAbsolutePath()) ? folder.toAbsolutePath().relativize(file.toAbsolutePath())
                : file.getFileName() == null ? Path.of(".") : file.getFileName();
        String message = error.message().replace(folder.toAbsolutePath() + java.io.File.separator, "");
        return new RuleError(named.toString().isEmpty() ? "." : named.toString(), error.line(), error.column(), message,
                error.sourceLine()).render();
    }

    /** Test only (set through the tests' WatcherSeam): told the digest the watcher read, before it acts on it. */
    volatile Consumer<String> afterWatchRead = digest -> { };

    /**
     * For the watcher: reload when the folder's digest is no longer the one in force, or when the last reload
     * failed and the folder has changed since (an edit reverted to the rules in force clears the failure).
     * Under the reload lock, read included: a read applied after a newer admin reload would put older rules
     * in force, or leave the health check DOWN over files that are good.
     */
    private synchronized void reloadIfChanged() {
        RuleFolder read;
        try {
            read = RuleFolder.read(folder);
        } catch (RuntimeException e) {
            LOG.warnf("Rules folder not readable for watching (%s)", e.getClass().getSimpleName());
            return;
        }
        String digest = read.digest();
        afterWatchRead.accept(digest);
        if (digest.equals(failedDigest)) {
            return; // these very files failed to load already
        }
        Reload last = lastReload;
        if (!digest.equals(current.get().digest()) || (last != null && last.failed())) {
            apply(read);
        }
    }
}
