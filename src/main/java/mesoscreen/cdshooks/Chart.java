package mesoscreen.cdshooks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Lexicon;
import mesoscreen.vocabulary.Vocabulary;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the EHR's chart says, as an intake. Only what the chart states counts, and only what can make a
 * verdict stricter is ever dropped with care: a refuted or entered-in-error record says nothing, a resolved
 * condition no longer applies, everything else is kept; what the chart cannot know stays unknown.
 */
final class Chart {
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    /** LOINC 82810-3 Pregnancy status, and its answers (LOINC answer list LL4129-4). */
    static final String PREGNANCY_STATUS = "82810-3";
    private static final Map<String, Answer> PREGNANCY_ANSWERS = Map.of(
            "LA15173-0", Answer.YES, "LA26683-5", Answer.NO, "LA4489-6", Answer.UNKNOWN);
    /**
     * The SNOMED CT values US Core's pregnancy status profile sends (VSAC Pregnancy Status): pregnant, not
     * pregnant, and pregnancy not yet confirmed, which is a possible pregnancy and so read as pregnant.
     */
    private static final Map<String, Answer> PREGNANCY_FINDINGS = Map.of(
            "77386006", Answer.YES, "60001007", Answer.NO, "152231000119106", Answer.YES);
    private static final Set<String> CONDITION_GONE = Set.of("inactive", "resolved", "remission");
    private static final Set<String> NOT_A_FACT = Set.of("refuted", "entered-in-error");

    private final List<Resource> resources;
    private final Vocabulary vocabulary;

    Chart(List<Resource> resources, Vocabulary vocabulary) {
        this.resources = List.copyOf(resources);
        this.vocabulary = vocabulary;
    }

    /** The intake for one procedure (null: the whole catalogue) planned on {@code planned}; {@code today} dates the call. */
    Intake intake(String procedure, LocalDate planned, LocalDate today) {
        return new Intake(procedure, planned, patient(today), pregnancy(today), conditions(), medications(),
                allergies(), List.of(), List.of(), List.of());
    }

    private <T extends Resource> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Intake.Patient patient(LocalDate today) {
        Optional<Patient> found = all(Patient.class).stream().findFirst();
        if (found.isEmpty()) {
            return null;
        }
        Patient patient = found.get();
        Sex sex = !patient.hasGender() ? Sex.UNKNOWN : switch (patient.getGender()) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
        // A birth date given only to the year or month would overstate or understate the age: it stays unknown.
        LocalDate born = patient.hasBirthDateElement() ? Orders.day(patient.getBirthDateElement()) : null;
        return new Intake.Patient(null, born != null && born.isBefore(today) ? born : null, sex);
    }

    /** Pregnancy status from the latest LOINC 82810-3 Observation; "not pregnant" only when recorded today. */
    private Map<String, Answer> pregnancy(LocalDate today) {
        Optional<Observation> latest = all(Observation.class).stream()
                .filter(Chart::isPregnancyStatus)
                .filter(o -> o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
                        && o.getStatus() != Observation.ObservationStatus.CANCELLED)
                .max(Comparator.comparing(Chart::observed, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (latest.isEmpty() || !latest.get().hasValueCodeableConcept()) {
            return Map.of();
        }
        Answer answer = latest.get().getValueCodeableConcept().getCoding().stream()
                .map(Chart::pregnancyAnswer)
                .filter(java.util.Objects::nonNull)
                // Codings of one value that disagree: the stricter wins.
                .reduce((a, b) -> a == Answer.YES || b == Answer.YES ? Answer.YES
                        : a == Answer.UNKNOWN || b == Answer.UNKNOWN ? Answer.UNKNOWN : Answer.NO)
                .orElse(Answer.UNKNOWN);
        if (answer == Answer.NO && !today.equals(observed(latest.get()))) {
            // Pregnancy can begin any day: an older "not pregnant" is asked again.
            answer = Answer.UNKNOWN;
        }
        return answer == Answer.UNKNOWN ? Map.of() : Map.of("pregnant", answer);
    }

    /** A pregnancy status value as an answer: LOINC answer codes or SNOMED CT findings; null for another system. */
    private static Answer pregnancyAnswer(Coding coding) {
        if (LOINC.equals(coding.getSystem())) {
            return PREGNANCY_ANSWERS.getOrDefault(coding.getCode(), Answer.UNKNOWN);
        }
        if (SNOMED.equals(coding.getSystem())) {
            return PREGNANCY_FINDINGS.getOrDefault(coding.getCode(), Answer.UNKNOWN);
        }
        return null;
    }

    private static LocalDate observed(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return Orders.day(observation.getEffectiveDateTimeType());
        }
        if (observation.hasEffectivePeriod()) {
            return Orders.day(observation.getEffectivePeriod().getStartElement());
        }
        return observation.hasIssued() ? Orders.day(observation.getIssuedElement()) : null;
    }

    private List<Intake.Entry> conditions() {
        List<Intake.Entry> out = new ArrayList<>();
        for (Condition condition : all(Condition.class)) {
            if (!has(condition.getClinicalStatus(), CONDITION_GONE) && !has(condition.getVerificationStatus(), NOT_A_FACT)) {
                out.add(entry(condition.getCode(), vocabulary.conditions()));
            }
        }
        for (Observation observation : all(Observation.class)) {
            // A finding recorded as an Observation (its value, or its code when it has none) counts as a condition
            // when a list reads it; a lab result no list reads is no clinician's review item.
            if (isPregnancyStatus(observation) || observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                    || observation.getStatus() == Observation.ObservationStatus.CANCELLED) {
                continue;
            }
            CodeableConcept finding = observation.hasValueCodeableConcept() ? observation.getValueCodeableConcept()
                    : observation.hasValue() ? null : observation.getCode();
            Intake.Entry entry = finding == null ? null : entry(finding, vocabulary.conditions());
            if (entry != null && reads(entry, vocabulary.conditions())) {
                out.add(entry);
            }
        }
        return out;
    }

    private static boolean isPregnancyStatus(Observation observation) {
        return observation.getCode().getCoding().stream()
                .anyMatch(c -> LOINC.equals(c.getSystem()) && PREGNANCY_STATUS.equals(c.getCode()));
    }

    private static boolean reads(Intake.Entry entry, Lexicon lexicon) {
        boolean coded = entry.code() != null && CodeSystems.alias(String.valueOf(entry.system()))
                .map(system -> !lexicon.byCode(system, entry.code()).isEmpty()).orElse(false);
        return coded || (entry.text() != null && !lexicon.byText(entry.text()).isEmpty());
    }

    private List<Intake.Entry> allergies() {
        List<Intake.Entry> out = new ArrayList<>();
        for (AllergyIntolerance allergy : all(AllergyIntolerance.class)) {
            if (!has(allergy.getVerificationStatus(), NOT_A_FACT)) {
                out.add(entry(allergy.getCode(), vocabulary.allergens()));
            }
        }
        return out;
    }

    /**
     * Medications taken, or stopped on a known date (which deferral rules read). A stopped or completed one
     * with no date is read as taken: the stricter reading.
     */
    private List<Intake.Medication> medications() {
        List<Intake.Medication> out = new ArrayList<>();
        for (MedicationRequest request : all(MedicationRequest.class)) {
            MedicationRequest.MedicationRequestStatus status = request.getStatus();
            if (status == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                    || status == MedicationRequest.MedicationRequestStatus.CANCELLED) {
                continue;
            }
            boolean ended = status == MedicationRequest.MedicationRequestStatus.STOPPED
                    || status == MedicationRequest.MedicationRequestStatus.COMPLETED;
            LocalDate end = !ended ? null : request.getDosageInstruction().stream()
                    .filter(d -> d.getTiming().getRepeat().hasBoundsPeriod())
                    .map(d -> Orders.day(d.getTiming().getRepeat().getBoundsPeriod().getEndElement()))
                    .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(request.getDispenseRequest().hasValidityPeriod()
                            ? Orders.day(request.getDispenseRequest().getValidityPeriod().getEndElement()) : null);
            out.add(medication(request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null,
                    request.hasMedicationReference() ? request.getMedicationReference() : null, end));
        }
        for (MedicationStatement statement : all(MedicationStatement.class)) {
            MedicationStatement.MedicationStatementStatus status = statement.getStatus();
            if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                    || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) {
                continue;
            }
            boolean ended = status == MedicationStatement.MedicationStatementStatus.STOPPED
                    || status == MedicationStatement.MedicationStatementStatus.COMPLETED;
            BaseDateTimeType when = statement.hasEffectivePeriod() ? statement.getEffectivePeriod().getEndElement()
                    : statement.hasEffectiveDateTimeType() ? statement.getEffectiveDateTimeType() : null;
            out.add(medication(statement.hasMedicationCodeableConcept() ? statement.getMedicationCodeableConcept() : null,
                    statement.hasMedicationReference() ? statement.getMedicationReference() : null,
                    ended ? Orders.day(when) : null));
        }
        return out;
    }

    /**
     * A medication by its code, else the Medication its reference points to, else the reference's display. A
     * search's {@code _include} is beyond what CDS Hooks asks every EHR to support, so the Medication may well be
     * missing; with no display either, the entry is read as "not on file", which no vocabulary reads: the
     * clinician is shown it as unrecognised, and the patient is never read as eligible without precautions.
     */
    private Intake.Medication medication(CodeableConcept code, Reference reference, LocalDate stoppedOn) {
        CodeableConcept concept = code != null ? code : referenced(reference)
                .filter(c -> c.hasCoding() || c.hasText())
                .orElse(new CodeableConcept().setText(reference != null && reference.hasDisplay()
                        ? reference.getDisplay() : "medication not on file"));
        Intake.Entry entry = entry(concept, vocabulary.medications());
        return new Intake.Medication(entry.system(), entry.code(), entry.text(), stoppedOn);
    }

    /** The code of a Medication the reference points to, in the bundles or contained. */
    private Optional<CodeableConcept> referenced(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        if (reference.getResource() instanceof Medication contained) {
            return Optional.of(contained.getCode());
        }
        String id = reference.getReferenceElement().getIdPart();
        return all(Medication.class).stream().filter(m -> m.getIdElement().getIdPart() != null
                        && m.getIdElement().getIdPart().equals(id))
                .map(Medication::getCode).findFirst();
    }

    /**
     * One intake entry for a CodeableConcept: the coding our vocabulary reads, else one in a system we know,
     * else the first; with the text (or a display), which the vocabulary reads too.
     */
    private static Intake.Entry entry(CodeableConcept concept, Lexicon lexicon) {
        Coding chosen = null;
        boolean known = false;
        for (Coding coding : concept.getCoding()) {
            Optional<String> system = coding.hasCode() ? CodeSystems.alias(String.valueOf(coding.getSystem()))
                    : Optional.empty();
            if (system.isPresent() && !lexicon.byCode(system.get(), coding.getCode()).isEmpty()) {
                chosen = coding;
                known = true;
                break;
            }
            if (chosen == null || (system.isPresent() && CodeSystems.alias(String.valueOf(chosen.getSystem())).isEmpty())) {
                chosen = coding.hasSystem() && coding.hasCode() ? coding : chosen;
            }
        }
        String text = words(concept, lexicon, known);
        if (chosen == null && text == null) {
            text = "entry without code or text";
        }
        return new Intake.Entry(chosen == null ? null : chosen.getSystem(), chosen == null ? null : chosen.getCode(), text);
    }

    /**
     * The words to read of a concept: its text, else the first coding's display; when its code names nothing
     * we know, the first of those the vocabulary reads (the text first, then each display), so that a
     * Condition known only by its display is still read.
     */
    private static String words(CodeableConcept concept, Lexicon lexicon, boolean codeKnown) {
        List<String> candidates = new ArrayList<>();
        if (concept.hasText()) {
            candidates.add(concept.getText());
        }
        concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).forEach(candidates::add);
        if (!codeKnown) {
            for (String candidate : candidates) {
                if (!lexicon.byText(candidate).isEmpty()) {
                    return candidate;
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static boolean has(CodeableConcept status, Set<String> codes) {
        return status.getCoding().stream().anyMatch(c -> codes.contains(c.getCode()));
    }
}
