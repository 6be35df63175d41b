package mesoscreen.chart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mesoscreen.intake.Answer;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/**
 * The pregnancy status of a record: the latest LOINC 82810-3 Observation, valued in LOINC's answer list or
 * in the SNOMED CT findings US Core sends. "Not pregnant" counts only when recorded today.
 */
final class PregnancyStatus {
    /** LOINC 82810-3 Pregnancy status, and its answers (LOINC answer list LL4129-4). */
    private static final Map<String, Answer> PREGNANCY_ANSWERS = Map.of(
            "LA15173-0", Answer.YES, "LA26683-5", Answer.NO, "LA4489-6", Answer.UNKNOWN);
    /**
     * The SNOMED CT values US Core's pregnancy status profile sends (VSAC Pregnancy Status): pregnant, not
     * pregnant, and pregnancy not yet confirmed, which is a possible pregnancy and so read as pregnant.
     */
    private static final Map<String, Answer> PREGNANCY_FINDINGS = Map.of(
            "77386006", Answer.YES, "60001007", Answer.NO, "152231000119106", Answer.YES);

    private PregnancyStatus() {
    }

    static boolean is(Observation observation) {
        return observation.getCode().getCoding().stream()
                .anyMatch(c -> Chart.LOINC.equals(c.getSystem()) && Chart.PREGNANCY_STATUS.equals(c.getCode()));
    }

    static boolean voided(Observation observation) {
        return observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || observation.getStatus() == Observation.ObservationStatus.CANCELLED;
    }

    /** The answer to "pregnant" the latest status gives, if any; what it does not give is noted. */
    static Map<String, Answer> answer(List<Located> observations, LocalDate today, List<Note> notes) {
        for (Located located : observations) {
            if (voided((Observation) located.resource())) {
                notes.add(Note.information(located.path() + ".status", "not-a-fact",
                        "a pregnancy status entered in error or cancelled says nothing"));
            }
        }
        Optional<Located> latest = observations.stream()
                .filter(o -> !voided((Observation) o.resource()))
                .max(Comparator.comparing(o -> observed((Observation) o.resource()),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        if (latest.isEmpty()) {
            return Map.of();
        }
        Observation observation = (Observation) latest.get().resource();
        String path = latest.get().path();
        if (!observation.hasValueCodeableConcept()) {
            notes.add(Note.warning(path + ".value", "not-read", "the pregnancy status has no coded value"));
            return Map.of();
        }
        Answer answer = observation.getValueCodeableConcept().getCoding().stream()
                .map(PregnancyStatus::answer)
                .filter(Objects::nonNull)
                // Codings of one value that disagree: the stricter wins.
                .reduce((a, b) -> a == Answer.YES || b == Answer.YES ? Answer.YES
                        : a == Answer.UNKNOWN || b == Answer.UNKNOWN ? Answer.UNKNOWN : Answer.NO)
                .orElse(null);
        if (answer == null) {
            notes.add(Note.warning(path + ".valueCodeableConcept", "code-unknown", "the pregnancy status is coded in"
                    + " neither LOINC (answer list LL4129-4) nor SNOMED CT: the question stays unanswered"));
            return Map.of();
        }
        if (answer == Answer.NO && !today.equals(observed(observation))) {
            // Pregnancy can begin any day: an older "not pregnant" is asked again.
            notes.add(Note.warning(path + ".effective", "not-current", "a pregnancy status that rules pregnancy out"
                    + " counts only when recorded today: the question stays unanswered"));
            return Map.of();
        }
        return answer == Answer.UNKNOWN ? Map.of() : Map.of("pregnant", answer);
    }

    /** A pregnancy status value as an answer: LOINC answer codes or SNOMED CT findings; null for another system. */
    private static Answer answer(Coding coding) {
        if (Chart.LOINC.equals(coding.getSystem())) {
            return PREGNANCY_ANSWERS.getOrDefault(coding.getCode(), Answer.UNKNOWN);
        }
        if (Chart.SNOMED.equals(coding.getSystem())) {
            return PREGNANCY_FINDINGS.getOrDefault(coding.getCode(), Answer.UNKNOWN);
        }
        return null;
    }

    private static LocalDate observed(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return Dates.day(observation.getEffectiveDateTimeType());
        }
        if (observation.hasEffectivePeriod()) {
            return Dates.day(observation.getEffectivePeriod().getStartElement());
        }
        return observation.hasIssued() ? Dates.day(observation.getIssuedElement()) : null;
    }
}
