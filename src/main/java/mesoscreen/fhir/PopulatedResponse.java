package mesoscreen.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.chart.Note;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.IntakeField;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Question;
import mesoscreen.rules.RuleSet;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Lexicon;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The in-progress QuestionnaireResponse $populate answers: the served Questionnaire's items (same linkIds, same
 * groups) that the record answers, and nothing else. Lists carry their entries as the record names them (a coding
 * with its display, or the words alone), which {@link QuestionnaireResponseReader} reads back as they came.
 */
final class PopulatedResponse {
    private final RuleSet rules;
    private final String base;
    private final String language;
    private final Map<String, List<Type>> answers = new LinkedHashMap<>();

    private PopulatedResponse(RuleSet rules, String base, String language) {
        this.rules = rules;
        this.base = base;
        this.language = language;
    }

    /**
     * @param told  the answers the record gives, by question id
     * @param notes where an entry the questionnaire has no place for is noted
     */
    static QuestionnaireResponse of(Questionnaire questionnaire, Reference subject, Intake intake,
                                    Map<String, Answer> told, RuleSet rules, String base, String language,
                                    List<Note> notes) {
        PopulatedResponse out = new PopulatedResponse(rules, base, language);
        out.answers(intake, told, notes);
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        response.setQuestionnaire(questionnaire.getUrl());
        response.setSubject(subject.copy());
        response.setLanguage(language);
        Set<String> placed = new HashSet<>();
        for (QuestionnaireItemComponent item : questionnaire.getItem()) {
            out.item(item, placed).ifPresent(response::addItem);
        }
        out.answers.keySet().stream().filter(id -> !placed.contains(id)).forEach(id -> notes.add(new Note(
                "QuestionnaireResponse.item.where(linkId='" + id + "')", "not-asked", "the record answers '" + id + "', which this Questionnaire does"
                + " not ask: use the Questionnaire of every procedure (" + FhirQuestionnaires.ID + ") to keep it",
                true)));
        return response;
    }

    /** The answers by linkId: the questions told, the patient's sex and birth date, the lists. */
    private void answers(Intake intake, Map<String, Answer> told, List<Note> notes) {
        told.forEach((question, answer) -> put(question, new Coding(FhirQuestionnaires.system(base, "answer"),
                answer.json(), rules.questionnaire().answers().get(answer.json()).in(language))));
        Intake.Patient patient = intake.patient();
        if (patient != null && patient.sex() != null && patient.sex() != Sex.UNKNOWN) {
            put(IntakeField.SEX.id(), new Coding(FhirQuestionnaires.ADMINISTRATIVE_GENDER, patient.sex().json(), null));
        }
        if (patient != null && patient.birthDate() != null) {
            put(IntakeField.BIRTH_DATE.id(), date(patient.birthDate()));
        }
        intake.conditions().forEach(entry -> put(IntakeField.CONDITIONS.id(), value(entry)));
        intake.allergies().forEach(entry -> put(IntakeField.ALLERGIES.id(), value(entry)));
        Map<String, LocalDate> stopped = new LinkedHashMap<>();
        for (Intake.Medication medication : intake.medications()) {
            String followUp = medication.stoppedOn() == null ? null : stopDateItem(medication.entry());
            if (followUp != null) {
                // The follow-up carries the date, as a form sends it; the latest stop of a class counts.
                stopped.merge(followUp, medication.stoppedOn(), (a, b) -> a.isAfter(b) ? a : b);
                continue;
            }
            if (medication.stoppedOn() != null) {
                notes.add(new Note("QuestionnaireResponse.item.where(linkId='" + IntakeField.MEDICATIONS.id()
                        + "')", "stopped-listed", "a medication stopped on a known date"
                        + " that no question asks the stop date of is listed as taken now, the stricter reading", true));
            }
            put(IntakeField.MEDICATIONS.id(), value(medication.entry()));
        }
        stopped.forEach((id, day) -> put(id, date(day)));
    }

    /** The stop-date follow-up whose medication class the entry is of, if any. */
    private String stopDateItem(Intake.Entry entry) {
        Lexicon medications = rules.vocabulary().medications();
        Set<String> classes = new HashSet<>();
        if (entry.code() != null) {
            CodeSystems.alias(String.valueOf(entry.system()))
                    .ifPresent(system -> classes.addAll(medications.byCode(system, entry.code())));
        }
        if (entry.text() != null) {
            classes.addAll(medications.byText(entry.text()).keySet());
        }
        for (Question question : rules.questions().values()) {
            if (question.followUp() instanceof Question.FollowUp.StopDate stop && classes.contains(stop.medication())) {
                return stop.id();
            }
        }
        return null;
    }

    private void put(String linkId, Type value) {
        answers.computeIfAbsent(linkId, k -> new ArrayList<>()).add(value);
    }

    private static Type value(Intake.Entry entry) {
        if (entry.code() != null && entry.system() != null) {
            return new Coding(entry.system(), entry.code(), entry.text());
        }
        return new StringType(entry.text());
    }

    private static DateType date(LocalDate day) {
        DateType out = new DateType();
        out.setValueAsString(day.toString());
        return out;
    }

    /** The response item of a Questionnaire item, when the record answers it or one of its children. */
    private java.util.Optional<QuestionnaireResponseItemComponent> item(QuestionnaireItemComponent item,
                                                                      Set<String> placed) {
        List<QuestionnaireResponseItemComponent> children = new ArrayList<>();
        for (QuestionnaireItemComponent child : item.getItem()) {
            item(child, placed).ifPresent(children::add);
        }
        List<Type> values = answers.getOrDefault(item.getLinkId(), List.of());
        if (values.isEmpty() && children.isEmpty()) {
            return java.util.Optional.empty();
        }
        placed.add(item.getLinkId());
        QuestionnaireResponseItemComponent out = new QuestionnaireResponseItemComponent()
                .setLinkId(item.getLinkId()).setText(item.getText());
        values.forEach(value -> out.addAnswer().setValue(value));
        children.forEach(out::addItem);
        return java.util.Optional.of(out);
    }
}
