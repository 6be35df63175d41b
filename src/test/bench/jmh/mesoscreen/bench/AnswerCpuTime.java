package mesoscreen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import mesoscreen.http.StrictJson;
import mesoscreen.intake.Intake;
import mesoscreen.result.ScreeningResults;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetLoader;
import mesoscreen.screening.IntakeValidator;
import mesoscreen.screening.Screener;
import mesoscreen.screening.Screening;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * What {@code POST /v1/screenings} does, stage by stage, as CPU time of the calling thread (which other
 * processes on a shared machine do not inflate): reading the body into an intake with the service's JSON
 * settings, validating it (Bean Validation's part also on its own), the engine, wording the answer
 * ({@code ScreeningResults.ok}) and writing it; and what the bench's floor does with the same body: read it
 * into a tree and write its recorded answer. Each the median over rounds of CPU nanoseconds per call after
 * a warm-up; the last two columns sum each side, so the in-process ratio can be set beside the HTTP one.
 * Run (after {@code ./mvnw -Pbench test-compile}):
 * {@code java -cp <bench class path> mesoscreen.bench.AnswerCpuTime [warm-up calls] [rounds] [calls a round] [intakes]}.
 */
public final class AnswerCpuTime {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private AnswerCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        String[] intakes = args.length > 3 ? args[3].split(",") : new String[] {"findings", "webform", "webform-ru"};
        RuleSet rules = RuleSetLoader.load(Path.of("rules"));
        Validator beanValidator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        IntakeValidator validator = new IntakeValidator(beanValidator);
        ObjectMapper floorJson = new ObjectMapper();
        // The service's mapper: Quarkus's defaults (dates as text) and StrictJson.
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        new StrictJson().customize(json);
        // Jackson closes the stream it writes to; this one takes every byte and can be closed any number of times.
        OutputStream discard = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
            }
        };
        for (String name : intakes) {
            byte[] body = Files.readAllBytes(Path.of("src/test/bench/intakes", name + ".json"));
            Intake intake = json.readValue(body, Intake.class);
            Screening screening = Screener.screen(intake, rules, TODAY);
            // The language a patient filling that form asks for (webform-ru: ru).
            String language = name.endsWith("-ru") ? "ru" : name.endsWith("-tr") ? "tr" : "en";
            Object answer = ScreeningResults.ok(screening, language).getEntity();
            Path recordedPath = Path.of("src/test/bench/floor/src/main/resources/recorded", name + ".json");
            JsonNode recorded = Files.exists(recordedPath) ? floorJson.readTree(recordedPath.toFile()) : null;
            Map<String, Callable<Object>> stages = new LinkedHashMap<>();
            stages.put("read", () -> json.readValue(body, Intake.class));
            stages.put("validate", () -> validator.validate(intake, rules, TODAY));
            stages.put("(of which bean-validation)", () -> beanValidator.validate(intake));
            stages.put("engine", () -> Screener.screen(intake, rules, TODAY));
            stages.put("word", () -> ScreeningResults.ok(screening, language));
            stages.put("write", () -> {
                json.writeValue(discard, answer);
                return answer;
            });
            stages.put("floor-read", () -> floorJson.readTree(body));
            stages.put("floor-write", () -> {
                floorJson.writeValue(discard, recorded);
                return recorded;
            });
            StringBuilder line = new StringBuilder(String.format("%-11s", name));
            double ours = 0;
            double floor = 0;
            for (var stage : stages.entrySet()) {
                if (recorded == null && stage.getKey().startsWith("floor")) {
                    continue;
                }
                double median = median(stage.getValue(), warmup, rounds, calls);
                line.append(String.format(" %s %.2f µs", stage.getKey(), median));
                if (stage.getKey().startsWith("floor")) {
                    floor += median;
                } else if (!stage.getKey().startsWith("(")) {
                    ours += median;
                }
            }
            line.append(String.format(" | Mesoscreen %.1f µs, floor %.1f µs: %.2fx", ours, floor, floor / ours));
            System.out.println(line);
        }
    }

    private static double median(Callable<Object> stage, int warmup, int rounds, int calls) throws Exception {
        return CpuTime.perCall(stage, warmup, rounds, calls)[rounds / 2];
    }
}
