package mesoscreen.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.vocabulary.Lexicon;
import mesoscreen.vocabulary.Vocabulary;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a patient's record says (an EHR's chart: CDS Hooks prefetch, or the resources sent to $populate), as an
 * intake. Only what the record states counts, and only what can make a verdict stricter is ever dropped with
 * care: a refuted or entered-in-error record says nothing, a resolved condition no longer applies, everything
 * else is kept; what the record cannot know stays unknown. What it could not read is noted by its place.
 */
public final class Chart {
    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    /** LOINC 82810-3 Pregnancy status. */
    public static final String PREGNANCY_STATUS = "82810-3";
    /** The resource types read, for the note on any other. */
    private static final Set<String> READ = Set.of("Patient", "Condition", "MedicationRequest", "MedicationStatement",
            "AllergyIntolerance", "Observation", "Medication");
    private static final Set<String> CONDITION_GONE = Set.of("inactive", "resolved", "remission");
    private static final Set<String> NOT_A_FACT = Set.of("refuted", "entered-in-error");

    private final List<Located> resources;
    private final Vocabulary vocabulary;

    public Chart(List<Located> resources, Vocabulary vocabulary) {
        this.resources = List.copyOf(resources);
        this.vocabulary = vocabulary;
    }

    /** The intake, and what of the record was not read (or not as it stands). */
    public record Reading(Intake intake, List<Note> notes) {
        public Reading {
            notes = List.copyOf(notes);
        }
    }

    /** The record read for one procedure (null: the whole catalogue) planned on {@code planned}; {@code today} dates the call. */
    public Reading read(String procedure, LocalDate planned, LocalDate today) {
        List<Note> notes = new ArrayList<>();
        for (Located located : resources) {
            String type = located.resource().fhirType();
            if (located.resource() instanceof OperationOutcome) {
                notes.add(Note.warning(located.path(), "incomplete", "an OperationOutcome in place of data: part of"
                        + " the record may be missing"));
            } else if (!READ.contains(type)) {
                notes.add(Note.warning(located.path(), "not-read", "a " + type + " is not read; the record is read from"
                        + " Patient, Condition, MedicationRequest, MedicationStatement, AllergyIntolerance, Medication"
                        + " and the pregnancy status Observation (LOINC " + PREGNANCY_STATUS + ")"));
            }
        }
        Intake intake = new Intake(procedure, planned, patient(today),
                PregnancyStatus.answer(all(Observation.class).stream().filter(o -> PregnancyStatus.is(
                        (Observation) o.resource())).toList(), today, notes),
                conditions(notes), medications(notes), allergies(notes), List.of(), List.of(), List.of());
        return new Reading(intake, notes);
    }

    private List<Located> all(Class<? extends Resource> type) {
        return resources.stream().filter(r -> type.isInstance(r.resource())).toList();
    }

    private Intake.Patient patient(LocalDate today) {
        Optional<Patient> found = all(Patient.class).stream().map(r -> (Patient) r.resource()).findFirst();
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
        LocalDate born = patient.hasBirthDateElement() ? Dates.day(patient.getBirthDateElement()) : null;
        return new Intake.Patient(null, born != null && born.isBefore(today) ? born : null, sex);
    }

    private List<Intake.Entry> conditions(List<Note> notes) {
        List<Intake.Entry> out = new ArrayList<>();
        for (Located located : all(Condition.class)) {
            Condition condition = (Condition) located.resource();
            if (has(condition.getVerificationStatus(), NOT_A_FACT)) {
                notes.add(Note.information(located.path() + ".verificationStatus", "not-a-fact",
                        "a refuted or entered-in-error Condition says nothing"));
            } else if (has(condition.getClinicalStatus(), CONDITION_GONE)) {
                notes.add(Note.information(located.path() + ".clinicalStatus", "not-current",
                        "an inactive, resolved or remitted Condition no longer applies"));
            } else {
                out.add(entry(condition.getCode(), vocabulary.conditions(), located.path() + ".code", notes));
            }
        }
        for (Located located : all(Observation.class)) {
            Observation observation = (Observation) located.resource();
            // A finding recorded as an Observation (its value, or its code when it has none) counts as a condition
            // when a list reads it; a lab result no list reads is no clinician's review item.
            if (PregnancyStatus.is(observation) || PregnancyStatus.voided(observation)) {
                continue;
            }
            CodeableConcept finding = observation.hasValueCodeableConcept() ? observation.getValueCodeableConcept()
                    : observation.hasValue() ? null : observation.getCode();
            Intake.Entry entry = finding == null ? null : Concepts.entry(finding, vocabulary.conditions());
            if (entry != null && Concepts.reads(entry, vocabulary.conditions())) {
                out.add(entry);
            } else {
                notes.add(Note.information(located.path(), "not-read", "an Observation other than the pregnancy"
                        + " status that names no condition the vocabulary knows is not read"));
            }
        }
        return out;
    }

    private List<Intake.Entry> allergies(List<Note> notes) {
        List<Intake.Entry> out = new ArrayList<>();
        for (Located located : all(AllergyIntolerance.class)) {
            AllergyIntolerance allergy = (AllergyIntolerance) located.resource();
            if (has(allergy.getVerificationStatus(), NOT_A_FACT)) {
                notes.add(Note.information(located.path() + ".verificationStatus", "not-a-fact",
                        "a refuted or entered-in-error AllergyIntolerance says nothing"));
            } else {
                out.add(entry(allergy.getCode(), vocabulary.allergens(), located.path() + ".code", notes));
            }
        }
        return out;
    }

    /**
     * Medications taken, or stopped on a known date (which deferral rules read). A stopped or completed one
     * with no date is read as taken: the stricter reading.
     */
    private List<Intake.Medication> medications(List<Note> notes) {
        List<Intake.Medication> out = new ArrayList<>();
        for (Located located : all(MedicationRequest.class)) {
            MedicationRequest request = (MedicationRequest) located.resource();
            MedicationRequest.MedicationRequestStatus status = request.getStatus();
            if (status == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR
                    || status == MedicationRequest.MedicationRequestStatus.CANCELLED) {
                notes.add(Note.information(located.path() + ".status", "not-a-fact",
                        "an entered-in-error or cancelled MedicationRequest says nothing"));
                continue;
            }
            boolean ended = status == MedicationRequest.MedicationRequestStatus.STOPPED
                    || status == MedicationRequest.MedicationRequestStatus.COMPLETED;
            LocalDate end = !ended ? null : request.getDosageInstruction().stream()
                    .filter(d -> d.getTiming().getRepeat().hasBoundsPeriod())
                    .map(d -> Dates.day(d.getTiming().getRepeat().getBoundsPeriod().getEndElement()))
                    .filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(request.getDispenseRequest().hasValidityPeriod()
                            ? Dates.day(request.getDispenseRequest().getValidityPeriod().getEndElement()) : null);
            out.add(medication(request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null,
                    request.hasMedicationReference() ? request.getMedicationReference() : null, end,
                    located.path(), notes));
        }
        for (Located located : all(MedicationStatement.class)) {
            MedicationStatement statement = (MedicationStatement) located.resource();
            MedicationStatement.MedicationStatementStatus status = statement.getStatus();
            if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                    || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) {
                notes.add(Note.information(located.path() + ".status", "not-a-fact",
                        "an entered-in-error or not-taken MedicationStatement says nothing"));
                continue;
            }
            boolean ended = status == MedicationStatement.MedicationStatementStatus.STOPPED
                    || status == MedicationStatement.MedicationStatementStatus.COMPLETED;
            BaseDateTimeType when = statement.hasEffectivePeriod() ? statement.getEffectivePeriod().getEndElement()
                    : statement.hasEffectiveDateTimeType() ? statement.getEffectiveDateTimeType() : null;
            out.add(medication(statement.hasMedicationCodeableConcept() ? statement.getMedicationCodeableConcept() : null,
                    statement.hasMedicationReference() ? statement.getMedicationReference() : null,
                    ended ? Dates.day(when) : null, located.path(), notes));
        }
        return out;
    }

    /**
     * A medication by its code, else the Medication its reference points to, else the reference's display. A
     * search's {@code _include} is beyond what CDS Hooks asks every EHR to support, so the Medication may well be
     * missing; with no display either, the entry is read as "not on file", which no vocabulary reads: the
     * clinician is shown it as unrecognised, and the patient is never read as eligible without precautions.
     */
    private Intake.Medication medication(CodeableConcept code, Reference reference, LocalDate stoppedOn, String path,
                                         List<Note> notes) {
        CodeableConcept concept = code != null ? code : referenced(reference)
                .filter(c -> c.hasCoding() || c.hasText())
                .orElse(new CodeableConcept().setText(reference != null && reference.hasDisplay()
                        ? reference.getDisplay() : "medication not on file"));
        Intake.Entry entry = entry(concept, vocabulary.medications(),
                path + (code != null ? ".medicationCodeableConcept" : ".medicationReference"), notes);
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
        return all(Medication.class).stream().map(r -> (Medication) r.resource())
                .filter(m -> m.getIdElement().getIdPart() != null && m.getIdElement().getIdPart().equals(id))
                .map(Medication::getCode).findFirst();
    }

    /** The entry of a concept; one no vocabulary reads is noted, and kept for a clinician to review. */
    private static Intake.Entry entry(CodeableConcept concept, Lexicon lexicon, String path, List<Note> notes) {
        Intake.Entry entry = Concepts.entry(concept, lexicon);
        if (!Concepts.reads(entry, lexicon)) {
            notes.add(Note.warning(path, "code-unknown", "no vocabulary reads this entry's codes or words: it is"
                    + " listed as it stands, for a clinician to review"));
        }
        return entry;
    }

    private static boolean has(CodeableConcept status, Set<String> codes) {
        return status.getCoding().stream().anyMatch(c -> codes.contains(c.getCode()));
    }
}
