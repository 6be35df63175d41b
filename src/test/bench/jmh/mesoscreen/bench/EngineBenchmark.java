package mesoscreen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetLoader;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.Screener;
import mesoscreen.screening.Screening;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine in-process on the bundled rules, for the intakes of src/test/bench/intakes (the web forms in
 * en, ru and tr included):
 * {@code screen} is one screening across every procedure of the catalogue (what the 20 µs target is
 * about), {@code validate} the intake check before it. Sample time gives the median and the tail.
 * Run: {@code ./mvnw -B -Pbench test-compile exec:exec} (see the bench profile of the pom).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /** Every intake of src/test/bench/intakes; -p intakeName=webform-ru picks one. */
    @Param({"healthy", "findings", "freetext", "webform", "webform-ru", "webform-tr"})
    public String intakeName;

    private RuleSet rules;
    private IntakeValidator validator;
    private Intake intake;

    @Setup
    public void setUp() throws IOException {
        rules = RuleSetLoader.load(Path.of("rules"));
        validator = new IntakeValidator(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        intake = json.readValue(Files.readString(Path.of("src/test/bench/intakes", intakeName + ".json")), Intake.class);
        List<Violation> violations = validator.validate(intake, rules, TODAY);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(intakeName + " is not a valid intake: " + violations);
        }
    }

    @Benchmark
    public Screening screen() {
        return Screener.screen(intake, rules, TODAY);
    }

    @Benchmark
    public List<Violation> validate() {
        return validator.validate(intake, rules, TODAY);
    }
}
