package mesoscreen.fhir;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.chart.Chart;
import mesoscreen.chart.Located;
import mesoscreen.chart.Note;
import mesoscreen.chart.Subjects;
import mesoscreen.intake.Answer;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.ListedAnswers;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * SDC $populate: the record the caller sends, read exactly as a CDS Hooks chart is read ({@link Chart}), as an
 * in-progress QuestionnaireResponse to the Questionnaire, with an OperationOutcome of what was not read. Only
 * what the record tells is answered; the rest stays for the patient or the clinician to answer.
 */
@Singleton
class Populate {
    static final String OPERATION = "http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-populate";
    private static final String PROBLEM_SYSTEM = "urn:mesoscreen:problem";

    private final FhirSupport fhir;
    private final Clock clock;

    Populate(FhirSupport fhir, Clock clock) {
        this.fhir = fhir;
        this.clock = clock;
    }

    /** @param procedure the Questionnaire's procedure; null for the one of every procedure */
    Parameters populate(RuleSet rules, String procedure, String language, String body) {
        Questionnaire questionnaire = FhirQuestionnaires.questionnaire(rules, procedure, language, fhir.base());
        PopulateRequest request = PopulateRequest.read(fhir, body, questionnaire.getUrl());
        LocalDate today = LocalDate.now(clock);
        List<Note> notes = new ArrayList<>();
        List<Located> about = Subjects.about(request.patientId(), request.resources(), notes);
        Chart.Reading reading = new Chart(about, rules.vocabulary()).read(procedure, null, today);
        notes.addAll(reading.notes());
        Map<String, Answer> told = new LinkedHashMap<>(reading.intake().answers());
        // The stricter answer wins where the record says both: a pregnancy Condition beside an old "not pregnant".
        ListedAnswers.of(reading.intake(), rules, procedure, today).forEach((question, answer) ->
                told.merge(question, answer, (a, b) -> a == Answer.YES || b == Answer.YES ? Answer.YES : a));
        Parameters out = new Parameters();
        out.addParameter().setName("response").setResource(PopulatedResponse.of(questionnaire, request.subject(),
                reading.intake(), told, rules, fhir.base(), language, notes));
        if (!notes.isEmpty()) {
            out.addParameter().setName("issues").setResource(issues(notes));
        }
        return out;
    }

    private static OperationOutcome issues(List<Note> notes) {
        OperationOutcome outcome = new OperationOutcome();
        for (Note note : notes) {
            outcome.addIssue()
                    .setSeverity(note.warning() ? OperationOutcome.IssueSeverity.WARNING
                            : OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(type(note.code()))
                    .setDetails(new CodeableConcept(new Coding(PROBLEM_SYSTEM, note.code(), null))
                            .setText(note.code().replace('-', ' ')))
                    .setDiagnostics(note.detail())
                    .addExpression(note.path());
        }
        return outcome;
    }

    /** The FHIR issue type of a note. */
    private static OperationOutcome.IssueType type(String code) {
        return switch (code) {
            case "not-read", "not-asked" -> OperationOutcome.IssueType.NOTSUPPORTED;
            case "code-unknown" -> OperationOutcome.IssueType.CODEINVALID;
            case "subject-mismatch" -> OperationOutcome.IssueType.INVALID;
            case "incomplete" -> OperationOutcome.IssueType.INCOMPLETE;
            default -> OperationOutcome.IssueType.INFORMATIONAL;
        };
    }
}
