package mesoscreen.result;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.course.Course;
import mesoscreen.vocabulary.Concern;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.Range;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Truth;
import mesoscreen.screening.Eligibility;
import mesoscreen.screening.EvidenceFact;
import mesoscreen.screening.Screening;
import mesoscreen.screening.Verdict;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /v1/screenings} (contract v1), in one language. */
@Schema(name = "ScreeningResult")
public record ScreeningResponse(
        @Schema(description = "Worst first: NOT_ELIGIBLE > DEFER > REFER > INCOMPLETE > ELIGIBLE_WITH_PRECAUTIONS > ELIGIBLE.")
        Eligibility eligibility,
        @Schema(description = "The verdict and its reasons in a few sentences.") String summary,
        @Schema(description = "The procedure screened: the one asked for, or the one suggested for the concerns.")
        ScreenedProcedure procedure,
        @Schema(description = "Every contraindication found, worst first, whatever the verdict.")
        List<Contraindication> contraindications,
        @Schema(description = "Precautions, and entries a clinician must review.") List<Warning> warnings,
        @Schema(description = "The patient's concerns this procedure treats.") List<Indication> indications,
        @Schema(description = "What to expect; notes never change the verdict.") List<Note> notes,
        @Schema(description = "Questions whose answer is unknown but needed, with the rules that need them.")
        List<MissingAnswer> missingAnswers,
        @Schema(description = "Entries of conditions, medications or allergies that matched nothing known;"
                + " they are never ignored silently.")
        List<UnrecognizedEntry> unrecognized,
        @Schema(description = "Free-text entries that were read but count toward no rule, each with how it was read"
                + " (`assertion`: negated, someone-else, nothing, future, or past for what is over) and the words"
                + " that made that reading (`cue`); shown so that a clinician sees them, never dropped.")
        List<EvidenceFact> setAside,
        @Schema(description = "Procedures with a better verdict, when the verdict stands in the way.")
        List<Alternative> alternatives,
        @Schema(description = "For DEFER: the first date treatment may start, when every deferral has an end date.")
        LocalDate eligibleFrom,
        @Schema(description = "The course of the procedure; absent when NOT_ELIGIBLE.") SuggestedCourse suggestedCourse,
        @Schema(description = "What to do before the first session.")
        @JsonSerialize(contentUsing = RuleText.class) List<String> preparation,
        @Schema(description = "What to do after each session, and when to call the clinic.")
        @JsonSerialize(contentUsing = RuleText.class) List<String> aftercare,
        RuleSetInfo ruleset) {

    @Schema(name = "ScreenedProcedure")
    public record ScreenedProcedure(@Schema(examples = "hydralift") String id, @JsonSerialize(using = RuleText.class) String name,
                                    @Schema(description = "True when the intake named no procedure.") boolean suggested) {
    }

    @Schema(name = "Contraindication")
    public record Contraindication(String id, @Schema(examples = "temporary") String severity,
                                   @JsonSerialize(using = RuleText.class) String title,
                                   @JsonSerialize(using = RuleText.class) String message,
                                   @Schema(description = "The answers, codes or text that triggered it.")
                                   List<String> evidence,
                                   @JsonSerialize(using = RuleText.class) String source,
                                   @Schema(description = "For temporary ones: when to screen again.")
                                   @JsonSerialize(using = RuleText.class) String reassess,
                                   @Schema(description = "For temporary ones with a known end: the first day it no"
                                           + " longer applies.") LocalDate until,
                                   @Schema(description = FACTS) List<EvidenceFact> facts) {
    }

    static final String FACTS = "The evidence as structured facts (request field, value as sent, value as read),"
            + " so that a form can point at the field.";

    @Schema(name = "Warning")
    public record Warning(String id, @JsonSerialize(using = RuleText.class) String title,
                          @JsonSerialize(using = RuleText.class) String message, List<String> evidence,
                          @Schema(description = "present, or possible when unknown answers could not rule it out.")
                          String status,
                          @Schema(description = FACTS) List<EvidenceFact> facts) {
    }

    @Schema(name = "Indication")
    public record Indication(@Schema(examples = "wrinkles") String id, @Schema(examples = "wrinkles") String concern,
                             @JsonSerialize(using = RuleText.class) String message) {
    }

    @Schema(name = "Note")
    public record Note(String id, @JsonSerialize(using = RuleText.class) String message, List<String> evidence,
                       @Schema(description = FACTS) List<EvidenceFact> facts) {
    }

    @Schema(name = "MissingAnswer")
    public record MissingAnswer(@Schema(examples = "breastfeeding") String question,
                                @Schema(description = "The question in the response language.")
                                @JsonSerialize(using = RuleText.class) String label,
                                @Schema(description = "Ids of the rules that need it.") List<String> because) {
    }

    @Schema(name = "UnrecognizedEntry")
    public record UnrecognizedEntry(@Schema(description = "The list it came in.", examples = "medications") String path,
                                    @Schema(examples = "'Zzyxolam 10 mg'") String entry) {
    }

    @Schema(name = "Alternative")
    public record Alternative(@Schema(examples = "needle-free-mesotherapy") String procedure,
                              @JsonSerialize(using = RuleText.class) String name,
                              Eligibility eligibility) {
    }

    @Schema(name = "SuggestedCourse")
    public record SuggestedCourse(String procedure, @Schema(examples = "standard") String programme,
                                  @JsonSerialize(using = RuleText.class) String programmeName, Range sessions,
                                  Range intervalDays,
                                  @Schema(description = "Minutes to book for one session.") int sessionMinutes,
                                  Integer repeatAfterMonths,
                                  @Schema(description = "Interval of maintenance sessions after the course.")
                                  Range maintenanceWeeks,
                                  @Schema(description = "Weeks from the first to the last session.") Range totalWeeks,
                                  @Schema(description = "Dates of the shortest course (fewest sessions, shortest"
                                          + " interval) from plannedDate or eligibleFrom; empty without a date.")
                                  List<LocalDate> schedule,
                                  @Schema(description = "Other programmes of this procedure.") List<String> otherProgrammes) {
    }

    @Schema(name = "RuleSetInfo")
    public record RuleSetInfo(@Schema(examples = "2026.11.0") String version,
                              @Schema(examples = "sha256:9f2c...") String digest,
                              @Schema(description = "The clinic whose rule set decided (its id, as its API keys name"
                                      + " it); null for the base rule set.", examples = "clinic-a") String clinic) {
        public static RuleSetInfo of(RuleSet rules) {
            return new RuleSetInfo(rules.version(), rules.digest(), rules.clinicId());
        }
    }

    static ScreeningResponse of(Screening screening, String language) {
        RuleSet rules = screening.rules();
        Verdict verdict = screening.verdict();
        Procedure procedure = screening.procedure();
        List<Contraindication> contraindications = verdict.contraindications().stream()
                .map(f -> new Contraindication(f.rule().id(), f.rule().severity().json(), f.rule().title().in(language),
                        f.rule().message().in(language), f.evidence(), f.rule().source(),
                        f.rule().reassess() == null ? null : f.rule().reassess().in(language), f.until(),
                        facts(screening, f.evidence())))
                .toList();
        List<Warning> warnings = new ArrayList<>();
        for (Finding f : verdict.precautions()) {
            boolean present = f.truth() == Truth.TRUE;
            warnings.add(new Warning(f.rule().id(), f.rule().title().in(language), f.rule().message().in(language),
                    present ? f.evidence() : f.missing().stream().map(m -> m + " unknown").toList(),
                    present ? "present" : "possible", present ? facts(screening, f.evidence()) : List.of()));
        }
        if (!screening.unrecognized().isEmpty()) {
            warnings.add(new Warning("unrecognized-entries", null, rules.message("warning.unrecognized", language),
                    screening.unrecognized().stream().map(u -> u.path() + ": " + u.entry()).toList(), "present",
                    List.of()));
        }
        List<Note> notes = new ArrayList<>(verdict.notes().stream()
                .map(f -> new Note(f.rule().id(), f.rule().message().in(language), f.evidence(),
                        facts(screening, f.evidence()))).toList());
        if (!screening.untreated().isEmpty()) {
            notes.add(new Note("concern-not-treated", rules.message("note.concern-not-treated", language)
                    .replace("{procedure}", procedure.name().in(language))
                    .replace("{concerns}", names(screening.untreated(), language))
                    .replace("{alternatives}", String.join(", ", rules.procedures().values().stream()
                            .filter(p -> screening.untreated().stream().anyMatch(c -> c.programmes().stream()
                                    .anyMatch(ref -> ref.startsWith(p.id() + "/"))))
                            .map(p -> p.name().in(language)).toList())),
                    screening.untreated().stream().map(c -> "concerns contains " + c.id()).toList(),
                    screening.untreated().stream().map(c -> new EvidenceFact("/concerns", null, c.id(), c.id(), null))
                            .toList()));
        }
        List<MissingAnswer> missing = verdict.missing().entrySet().stream()
                .map(e -> new MissingAnswer(e.getKey(), label(rules, e.getKey(), language), e.getValue()))
                .toList();
        boolean treated = verdict.eligibility() != Eligibility.NOT_ELIGIBLE;
        return new ScreeningResponse(verdict.eligibility(), summary(screening, language),
                new ScreenedProcedure(procedure.id(), procedure.name().in(language), screening.suggested()),
                contraindications, warnings,
                screening.indications().stream()
                        .map(c -> new Indication(c.id(), c.id(), c.indication().in(language))).toList(),
                notes, missing,
                screening.unrecognized().stream().map(u -> new UnrecognizedEntry(u.path(), u.entry())).toList(),
                screening.setAside(),
                screening.alternatives().stream().map(a -> new Alternative(a.procedure().id(),
                        a.procedure().name().in(language), a.eligibility())).toList(),
                verdict.eligibleFrom(), course(screening.course(), language),
                treated ? care(rules.preparation(), procedure, language) : List.of(),
                treated ? care(rules.aftercare(), procedure, language) : List.of(),
                RuleSetInfo.of(rules));
    }

    /** The facts behind the evidence lines, each once, in the lines' order (a few, so a list's contains is enough). */
    private static List<EvidenceFact> facts(Screening screening, List<String> evidence) {
        List<EvidenceFact> out = new ArrayList<>(evidence.size());
        for (String line : evidence) {
            for (EvidenceFact fact : screening.sources().of(line)) {
                if (!out.contains(fact)) {
                    out.add(fact);
                }
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static SuggestedCourse course(Course course, String language) {
        if (course == null) {
            return null;
        }
        Procedure.Programme programme = course.programme();
        return new SuggestedCourse(course.procedure().id(), programme.id(), programme.name().in(language),
                programme.sessions(), programme.intervalDays(), course.procedure().sessionMinutes().max(),
                programme.repeatAfterMonths(), programme.maintenanceWeeks(), course.totalWeeks(), course.schedule(),
                course.procedure().programmes().stream().map(Procedure.Programme::id)
                        .filter(id -> !id.equals(programme.id())).toList());
    }

    private static List<String> care(List<mesoscreen.rules.CareStep> steps, Procedure procedure, String language) {
        return steps.stream().filter(s -> s.appliesTo(procedure.id())).map(s -> s.text().in(language)).toList();
    }

    private static String names(List<Concern> concerns, String language) {
        return String.join(", ", concerns.stream().map(c -> c.name().in(language)).toList());
    }

    /** The question, or the questionnaire's label of an intake field ("patient.age"). */
    private static String label(RuleSet rules, String fact, String language) {
        var question = rules.questions().get(fact);
        if (question != null) {
            return question.label().in(language);
        }
        var field = rules.questionnaire().fields().get(fact);
        return field == null ? null : field.label().in(language);
    }

    /** The question as the patient saw it, without its closing mark, to be listed in a sentence. */
    private static String asked(RuleSet rules, String fact, String language) {
        String label = label(rules, fact, language);
        if (label == null) {
            return fact;
        }
        int end = label.length();
        while (end > 0 && "?.。".indexOf(label.charAt(end - 1)) >= 0) {
            end--;
        }
        return label.substring(0, end);
    }

    /** Questions the summary names; the rest are counted. */
    private static final int NAMED_QUESTIONS = 3;

    private static String summary(Screening screening, String language) {
        RuleSet rules = screening.rules();
        Verdict verdict = screening.verdict();
        StringBuilder out = new StringBuilder(rules.message("eligibility." + verdict.eligibility().name(), language));
        if (!verdict.contraindications().isEmpty()) {
            String titles = String.join(", ", verdict.contraindications().stream()
                    .map(f -> f.rule().title().in(language)).toList());
            out.append(' ').append(rules.message("summary.because", language).replace("{findings}", titles));
        }
        if (!verdict.missing().isEmpty()) {
            // Read at a glance: how many remain and the first few; missingAnswers[] lists every one.
            int count = verdict.missing().size();
            out.append(' ').append(rules.message(count > NAMED_QUESTIONS ? "summary.missing.more" : "summary.missing",
                            language)
                    .replace("{count}", Integer.toString(count))
                    .replace("{questions}", String.join("; ", verdict.missing().keySet().stream()
                            .limit(NAMED_QUESTIONS).map(fact -> asked(rules, fact, language)).toList())));
        }
        if (!screening.alternatives().isEmpty()) {
            out.append(' ').append(rules.message("summary.alternatives", language).replace("{procedures}",
                    String.join(", ", screening.alternatives().stream()
                            .map(a -> a.procedure().name().in(language)).toList())));
        }
        return out.toString();
    }
}
