package mesoscreen.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mesoscreen.MesoscreenConfig;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.RuleSetLoader;
import mesoscreen.rules.load.RuleFolder;
import org.jboss.logging.Logger;

/**
 * Holds the rule sets in force: the base set of the rules folder and, with a clinics folder, one set per
 * clinic (the base files overlaid with the clinic's own, {@link RuleFolder#overlaid}). Each is loaded,
 * compiled and checked against its own examples at start-up, where any error stops the service, naming
 * file, line and column. Later reloads (on request, or when a folder changes) replace a set only with
 * one that loads completely, each set on its own ({@link RuleSetHolder}): a broken clinic overlay keeps
 * that clinic's last good set and holds back no other. A request reads {@link #current} once, so it
 * sees exactly one rule set.
 */
@Startup
@Singleton
public class RuleSetRegistry {
    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    private final IntakeValidator validator;
    private final RuleSetHolder base;
    /** Clinic id to its holder. */
    private final Map<String, RuleSetHolder> clinics;
    private final AtomicLong reloadsSucceeded = new AtomicLong();
    private final AtomicLong reloadsFailed = new AtomicLong();
    private ScheduledExecutorService watcher;
    /** Test only (set through the tests' WatcherSeam): told the digest the watcher read, before it acts on it. */
    volatile Consumer<String> afterWatchRead = digest -> { };

    /** The outcome of the last reload attempt; {@code errors} empty when it succeeded. */
    public record Reload(Instant at, boolean changed, List<String> errors, RuleSet inForce) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    RuleSetRegistry(MesoscreenConfig config, ObjectMapper json, Validator validator, Clock clock) {
        Path folder = config.rulesDir();
        this.validator = new IntakeValidator(validator);
        long start = System.nanoTime();
        RuleSetHolder.Loader loader = (read, today) -> load(read, json, this.validator, today);
        RuleSetHolder.Counts counts = succeeded -> (succeeded ? reloadsSucceeded : reloadsFailed).incrementAndGet();
        try {
            Consumer<String> watched = digest -> afterWatchRead.accept(digest);
            base = new RuleSetHolder(null, () -> RuleFolder.read(folder), List.of(folder), loader, clock, counts, this,
                    watched);
            Map<String, RuleSetHolder> held = new LinkedHashMap<>();
            Optional<Path> clinicsDir = config.clinicsDir();
            for (String clinic : clinicsDir.map(RuleSetRegistry::clinicIds).orElse(List.of())) {
                Path own = clinicsDir.get().resolve(clinic);
                held.put(clinic, new RuleSetHolder(clinic, () -> RuleFolder.read(folder).overlaid(own),
                        List.of(folder, clinicsDir.get()), loader, clock, counts, this, watched));
            }
            clinics = Map.copyOf(held);
        } catch (RuleSetException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        for (RuleSetHolder holder : holders()) {
            RuleSet rules = holder.current();
            LOG.infof("Rule set %s (%s)%s loaded: %d rules, %d examples checked", rules.version(), rules.digest(),
                    holder.clinic() == null ? " from " + folder : " of clinic " + holder.clinic(),
                    rules.rules().size(), rules.rules().stream().mapToInt(r -> r.examples().size()).sum());
        }
        LOG.infof("%d rule set(s) loaded in %d ms", 1 + clinics.size(), (System.nanoTime() - start) / 1_000_000);
        long every = config.rulesWatchInterval().toMillis();
        if (every > 0) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "rules-watch");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(() -> holders().forEach(RuleSetHolder::reloadIfChanged), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The clinics of a clinics folder: each sub-folder, named by its clinic's id. */
    public static List<String> clinicIds(Path clinicsDir) {
        if (!Files.isDirectory(clinicsDir)) {
            throw new RuleSetException(List.of(new RuleError(clinicsDir.toString(), 0, 0,
                    "clinics folder not found (set MESOSCREEN_CLINICS_DIR)", null)));
        }
        try (Stream<Path> entries = Files.list(clinicsDir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    public static RuleSet load(RuleFolder folder, ObjectMapper json, IntakeValidator validator, LocalDate today) {
        RuleSet loaded = RuleSetLoader.load(folder);
        List<RuleError> failures = Examples.check(loaded, json, validator, today);
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return loaded.offered();
    }

    /** The base rule set in force. */
    public RuleSet current() {
        return base.current();
    }

    /** The rule set in force for {@code clinic}; the base set for none, or for a clinic without an overlay. */
    public RuleSet current(String clinic) {
        RuleSetHolder holder = clinic == null ? null : clinics.get(clinic);
        return (holder == null ? base : holder).current();
    }

    /** The base set first, then each clinic's, in id order. */
    public List<RuleSetHolder> holders() {
        List<RuleSetHolder> all = new ArrayList<>();
        all.add(base);
        all.addAll(new TreeMap<>(clinics).values());
        return all;
    }

    public IntakeValidator validator() {
        return validator;
    }

    /** Reload attempts since start-up that succeeded (or failed), for the metrics. */
    public long reloads(boolean succeeded) {
        return (succeeded ? reloadsSucceeded : reloadsFailed).get();
    }

    /** The last reload attempt of the base set, or null when none was made since start-up. */
    public Reload lastReload() {
        return base.lastReload();
    }

    /**
     * Loads every folder again, the base set's and each clinic's, each on its own. A set is put in force
     * only if it loads completely and differs from the one in force; otherwise it stays, and a failure is
     * logged and kept for the health check. Every reload, admin or watcher, of every set, takes this
     * registry's lock, reading included, so whichever comes last has read the newest files.
     *
     * @return clinic id (null for the base set) to the outcome of its reload, the base set first
     */
    public Map<String, Reload> reload() {
        Map<String, Reload> outcomes = new LinkedHashMap<>();
        for (RuleSetHolder holder : holders()) {
            outcomes.put(holder.clinic(), holder.reload());
        }
        return outcomes;
    }
}
