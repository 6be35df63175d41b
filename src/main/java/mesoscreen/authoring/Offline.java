package mesoscreen.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import mesoscreen.http.StrictJson;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.RuleSetRegistry;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * What the service builds through CDI, built by hand: the strict JSON reader of requests, the intake
 * validator, today's date in UTC, and the loader that checks every example. The commands share it,
 * so they judge a rule folder exactly as start-up does.
 */
final class Offline {
    final ObjectMapper json;
    final IntakeValidator validator;
    final LocalDate today;

    Offline() {
        json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new StrictJson().customize(json);
        // The parameter interpolator needs no expression language, which only the service's build sets up.
        ValidatorFactory validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = new IntakeValidator(validation.getValidator());
        today = LocalDate.now(Clock.systemUTC());
    }

    /**
     * Loads, compiles and links {@code folder} and runs its examples; when that fails, prints every
     * error as start-up does and returns null.
     */
    RuleSet load(Path folder, PrintStream out) {
        try {
            return RuleSetRegistry.load(folder, json, validator, today);
        } catch (RuleSetException e) {
            e.errors().forEach(error -> out.println(error.render()));
            out.println(folder + ": " + e.errors().size() + " error(s); the rules do not load.");
            return null;
        }
    }
}
