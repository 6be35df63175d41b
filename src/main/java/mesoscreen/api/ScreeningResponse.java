package mesoscreen.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.course.Course;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Range;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Truth;
import mesoscreen.screening.Eligibility;
import mesoscreen.screening.Screening;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /v1/screenings} (contract v1), in one language. */
@Schema(name = "ScreeningResult")
public record ScreeningResponse(
        @Schema(description = "Worst first: NOT_ELIGIBLE > DEFER > REFER > INCOMPLETE > ELIGIBLE_WITH_PRECAUTIONS > ELIGIBLE.")
        Eligibility eligibility,
        @Schema(description = "The verdict and its reasons in one or two sentences.") String summary,
        @Schema(description = "Every contraindication found, worst first, whatever the verdict.")
        List<Contraindication> contraindications,
        @Schema(description = "Precautions and entries a clinician must review.") List<Warning> warnings,
        @Schema(description = "Concerns the procedure is indicated for.") List<Indication> indications,
        @Schema(description = "Questions whose answer is unknown but needed, with the rules that need them.")
        List<MissingAnswer> missingAnswers,
        @Schema(description = "Entries of conditions, medications, allergies or recentProcedures that matched"
                + " nothing known; they are never ignored silently.")
        List<UnrecognizedEntry> unrecognized,
        @Schema(description = "For DEFER: the first date treatment may start, when it can be computed.")
        LocalDate eligibleFrom,
        @Schema(description = "The course of the procedure; absent when NOT_ELIGIBLE or no procedure was named.")
        SuggestedCourse suggestedCourse,
        List<String> aftercare,
        RuleSetInfo ruleset) {

    @Schema(name = "Contraindication")
    public record Contraindication(String id, @Schema(examples = "temporary") String severity, String title,
                                   String message,
                                   @Schema(description = "The answers, codes or text that triggered it.")
                                   List<String> evidence,
                                   String source,
                                   @Schema(description = "For temporary ones: when to screen again.") String reassess) {
    }

    @Schema(name = "Warning")
    public record Warning(String id, String title, String message, List<String> evidence,
                          @Schema(description = "present, or possible when unknown answers could not rule it out.")
                          String status) {
    }

    @Schema(name = "Indication")
    public record Indication(String id, String concern, String message) {
    }

    @Schema(name = "MissingAnswer")
    public record MissingAnswer(@Schema(examples = "breastfeeding") String question,
                                @Schema(description = "The question in the response language.") String label,
                                @Schema(description = "Ids of the rules that need it.") List<String> because) {
    }

    @Schema(name = "UnrecognizedEntry")
    public record UnrecognizedEntry(@Schema(examples = "medications[1]") String path, String entry) {
    }

    @Schema(name = "SuggestedCourse")
    public record SuggestedCourse(String procedure, Range sessions, Range intervalDays,
                                  @Schema(description = "Minutes to book for one session.") int sessionMinutes,
                                  Integer repeatAfterMonths) {
    }

    @Schema(name = "RuleSetInfo")
    public record RuleSetInfo(@Schema(examples = "2026.11.0") String version,
                              @Schema(examples = "sha256:9f2c...") String digest) {
        static RuleSetInfo of(RuleSet rules) {
            return new RuleSetInfo(rules.version(), rules.digest());
        }
    }

    static ScreeningResponse of(Screening screening, String language) {
        RuleSet rules = screening.rules();
        List<Contraindication> contraindications = screening.contraindications().stream()
                .map(f -> new Contraindication(f.rule().id(), f.rule().severity().json(), f.rule().title().in(language),
                        f.rule().message().in(language), f.evidence(), f.rule().source(),
                        f.rule().reassess() == null ? null : f.rule().reassess().in(language)))
                .toList();
        List<Warning> warnings = new ArrayList<>();
        for (Finding f : screening.precautions()) {
            boolean present = f.truth() == Truth.TRUE;
            warnings.add(new Warning(f.rule().id(), f.rule().title().in(language), f.rule().message().in(language),
                    present ? f.evidence() : f.missing().stream().map(m -> m + " unknown").toList(),
                    present ? "present" : "possible"));
        }
        if (!screening.unrecognized().isEmpty()) {
            warnings.add(new Warning("unrecognized-entries", null, rules.message("warning.unrecognized", language),
                    screening.unrecognized().stream().map(u -> u.path() + " " + u.entry()).toList(), "present"));
        }
        List<MissingAnswer> missing = screening.missing().entrySet().stream()
                .map(e -> new MissingAnswer(e.getKey(), label(rules, e.getKey(), language), e.getValue()))
                .toList();
        Course course = screening.course();
        SuggestedCourse suggested = course == null ? null : new SuggestedCourse(course.procedure().id(),
                course.sessions(), course.intervalDays(), course.sessionMinutes().max(), course.repeatAfterMonths());
        return new ScreeningResponse(screening.eligibility(), summary(screening, language), contraindications,
                warnings, List.of(), missing,
                screening.unrecognized().stream().map(u -> new UnrecognizedEntry(u.path(), u.entry())).toList(),
                screening.eligibleFrom(), suggested, List.of(), RuleSetInfo.of(rules));
    }

    private static String label(RuleSet rules, String fact, String language) {
        var question = rules.questions().get(fact);
        return question == null ? null : question.label().in(language);
    }

    private static String summary(Screening screening, String language) {
        RuleSet rules = screening.rules();
        StringBuilder out = new StringBuilder(rules.message("eligibility." + screening.eligibility().name(), language));
        if (!screening.contraindications().isEmpty()) {
            String titles = String.join(", ", screening.contraindications().stream()
                    .map(f -> f.rule().title().in(language)).toList());
            out.append(' ').append(rules.message("summary.because", language).replace("{findings}", titles));
        }
        if (!screening.missing().isEmpty()) {
            out.append(' ').append(rules.message("summary.missing", language)
                    .replace("{questions}", String.join(", ", screening.missing().keySet())));
        }
        return out.toString();
    }
}
