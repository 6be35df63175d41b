package mesoscreen.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.RuleSetRegistry;
import mesoscreen.screening.Screener;
import mesoscreen.screening.Screening;

/**
 * The one way an intake is screened, whatever it arrived as (JSON, a FHIR QuestionnaireResponse):
 * validate against the rule set in force, screen, answer in the request's language.
 */
@Singleton
public class Screenings {
    private final RuleSetRegistry registry;
    private final Clock clock;

    private final ScreeningMetrics metrics;

    Screenings(RuleSetRegistry registry, Clock clock, ScreeningMetrics metrics) {
        this.registry = registry;
        this.clock = clock;
        this.metrics = metrics;
    }

    public RuleSet rules() {
        return registry.current();
    }

    /** Screens {@code intake} against {@code rules}; violations are thrown as {@code reject} makes them. */
    public Response screen(RuleSet rules, Intake intake, String acceptLanguage,
                           Function<List<Violation>, RuntimeException> reject) {
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = registry.validator().validate(intake, rules, today);
        if (!violations.isEmpty()) {
            throw reject.apply(violations);
        }
        String language = Languages.choose(acceptLanguage, rules.languages());
        Screening screening = Screener.screen(intake, rules, today);
        ScreeningResponse body = ScreeningResponse.of(screening, language);
        metrics.screened(screening, System.nanoTime() - start);
        return Response.ok(body)
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
