package mesoscreen.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import mesoscreen.MesoscreenConfig;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.RuleSetLoader;
import org.jboss.logging.Logger;

/**
 * Holds the rule set in force. It is loaded, compiled and checked against its own examples at
 * start-up; a rule folder with any error stops the service, naming file, line and column.
 * A request reads {@link #current()} once, so it sees exactly one rule set.
 */
@Startup
@Singleton
public class RuleSetRegistry {
    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    private final IntakeValidator validator;
    private final RuleSet current;

    RuleSetRegistry(MesoscreenConfig config, ObjectMapper json, Validator validator, Clock clock) {
        this.validator = new IntakeValidator(validator);
        long start = System.nanoTime();
        try {
            current = load(config.rulesDir(), json, this.validator, LocalDate.now(clock));
        } catch (RuleSetException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        LOG.infof("Rule set %s (%s) loaded from %s: %d rules, %d examples checked in %d ms",
                current.version(), current.digest(), config.rulesDir(), current.rules().size(),
                current.rules().stream().mapToInt(r -> r.examples().size()).sum(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Loads, compiles and checks the examples of a rule folder; any error throws them all. */
    public static RuleSet load(Path folder, ObjectMapper json, IntakeValidator validator, LocalDate today) {
        RuleSet loaded = RuleSetLoader.load(folder);
        List<RuleError> failures = Examples.check(loaded, json, validator, today);
        if (!failures.isEmpty()) {
            throw new RuleSetException(failures);
        }
        return loaded;
    }

    public RuleSet current() {
        return current;
    }

    public IntakeValidator validator() {
        return validator;
    }
}
