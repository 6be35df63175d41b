package mesoscreen.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import mesoscreen.http.StrictJson;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.load.RuleFolder;
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
        return load(() -> RuleFolder.read(folder), folder.toString(), out);
    }

    /**
     * The effective set of a clinic: {@code base} overlaid with {@code clinicFolder}, loaded as the service
     * loads it. Its errors name the clinic's own files where they are written.
     */
    RuleSet loadClinic(Path base, Path clinicFolder, PrintStream out) {
        return load(() -> RuleFolder.read(base).overlaid(clinicFolder),
                "clinic " + clinicFolder.getFileName() + " (" + clinicFolder + " over " + base + ")", out);
    }

    /** Whether {@code folder} is a clinic's overlay rather than a rule folder: it holds a clinic.yaml. */
    static boolean isClinic(Path folder) {
        return Files.isRegularFile(folder.resolve(RuleFolder.CLINIC_FILE));
    }

    private RuleSet load(Supplier<RuleFolder> folder, String named, PrintStream out) {
        try {
            return RuleSetRegistry.load(folder.get(), json, validator, today);
        } catch (RuleSetException e) {
            e.errors().forEach(error -> out.println(error.render()));
            out.println(named + ": " + e.errors().size() + " error(s); the rules do not load.");
            return null;
        }
    }
}
