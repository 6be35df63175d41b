package mesoscreen.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a clinic knows about a patient before a procedure: the body of {@code POST /v1/screenings}
 * (contract v1). Adapters for FHIR and CDS Hooks produce the same record.
 */
@Schema(name = "Intake", description = "A patient's intake questionnaire. Everything is optional: what is not"
        + " given is unknown, and unknown answers that matter make the verdict INCOMPLETE, never more permissive.")
public record Intake(
        @Schema(description = "Procedure id from GET /v1/procedures; omit to screen the whole family.",
                examples = "hydralift")
        @Size(max = 64) String procedure,
        @Schema(description = "Date of the first session; dates of deferrals are computed from it.",
                examples = "2026-12-01")
        LocalDate plannedDate,
        @Valid Patient patient,
        @Schema(description = "Answers by question id (GET /v1/rules lists what each rule asks):"
                + " \"yes\", \"no\" or \"unknown\"; an absent answer is unknown.")
        @Size(max = 100) Map<String, Answer> answers,
        @Schema(description = "Diagnoses, coded (ICD-10, SNOMED CT) or as free text.")
        @Size(max = 50) List<@NotNull @Valid Entry> conditions,
        @Schema(description = "Current or recent medications, coded (ATC, RxNorm) or as free text.")
        @Size(max = 50) List<@NotNull @Valid Medication> medications,
        @Schema(description = "Known allergies and intolerances, coded or as free text.")
        @Size(max = 50) List<@NotNull @Valid Entry> allergies,
        @Schema(description = "What the patient wants treated (concern ids).")
        @Size(max = 20) List<@NotNull @Size(max = 64) String> concerns,
        @Schema(description = "Treatment areas (area ids); by default the procedure's own areas.")
        @Size(max = 20) List<@NotNull @Size(max = 64) String> areas,
        @Schema(description = "Other aesthetic procedures done recently or planned before this one.")
        @Size(max = 20) List<@NotNull @Valid RecentProcedure> recentProcedures) {

    /** Copies every list and map (keeping order, and the nulls the validator reports), so an intake cannot change. */
    public Intake {
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        conditions = copy(conditions);
        medications = copy(medications);
        allergies = copy(allergies);
        concerns = copy(concerns);
        areas = copy(areas);
        recentProcedures = copy(recentProcedures);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    @Schema(name = "Patient")
    public record Patient(
            @Schema(description = "Age in whole years; or give birthDate.", examples = "34")
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(130) Integer age,
            @Schema(description = "Date of birth; age is counted on the planned date.")
            @jakarta.validation.constraints.Past LocalDate birthDate,
            @Schema(description = "female, male, other or unknown; absent is unknown.") Sex sex) {
    }

    /** A coded entry ({@code system} + {@code code}) or free text ({@code text}), or both. */
    @Schema(name = "Entry", description = "Coded (system + code) or free text, in en, ru or tr.")
    public record Entry(
            @Schema(description = "icd-10, snomed, atc, rxnorm, or a FHIR system URI.", examples = "icd-10")
            @Size(max = 200) String system,
            @Schema(examples = "D66") @Size(max = 64) String code,
            @Schema(examples = "hemophilia") @Size(max = 200) String text) {
    }

    @Schema(name = "Medication", description = "A medication, coded or free text; stoppedOn when no longer taken.")
    public record Medication(
            @Size(max = 200) String system,
            @Schema(examples = "B01AA03") @Size(max = 64) String code,
            @Schema(examples = "Xarelto 20 mg") @Size(max = 200) String text,
            @Schema(description = "When it was stopped; absent means it is taken now.") LocalDate stoppedOn) {

        public Entry entry() {
            return new Entry(system, code, text);
        }
    }

    @Schema(name = "RecentProcedure")
    public record RecentProcedure(
            @Schema(examples = "chemical-peel") @NotNull @Size(max = 64) String type,
            @Schema(examples = "2026-11-25") @NotNull LocalDate date) {
    }
}
