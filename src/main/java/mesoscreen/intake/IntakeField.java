package mesoscreen.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The intake's own fields (everything but the answers to questions), declared once: the id that names
 * each in intake paths, in evidence and in a QuestionnaireResponse (its linkId), the kind of answer, and
 * where the questionnaire asks it. The loader requires a label for each, the questionnaire and the FHIR
 * reader take their items from here, and conditions name what they read with these ids.
 */
public enum IntakeField {
    AGE("patient.age", Kind.INTEGER, Place.OPENS, "about-you", Shown.ALWAYS),
    BIRTH_DATE("patient.birthDate", Kind.DATE, Place.OPENS, "about-you", Shown.ALWAYS),
    SEX("patient.sex", Kind.CHOICE, Place.OPENS, "about-you", Shown.ALWAYS),
    PLANNED_DATE("plannedDate", Kind.DATE, Place.OPENS, "about-you", Shown.WHEN_READ),
    CONDITIONS("conditions", Kind.TEXT_LIST, Place.CLOSES, "conditions", Shown.WHEN_READ),
    MEDICATIONS("medications", Kind.TEXT_LIST, Place.CLOSES, "medications", Shown.WHEN_READ),
    ALLERGIES("allergies", Kind.TEXT_LIST, Place.CLOSES, "allergies", Shown.WHEN_READ),
    /** Asked after a "yes" to the question whose follow-up it is. */
    RECENT_PROCEDURES("recentProcedures", Kind.GROUP_LIST, Place.FOLLOWS_UP, null, Shown.WHEN_READ),
    RECENT_PROCEDURE_TYPE("recentProcedures.type", Kind.CHOICE, Place.PART, null, Shown.ALWAYS),
    RECENT_PROCEDURE_DATE("recentProcedures.date", Kind.DATE, Place.PART, null, Shown.ALWAYS),
    CONCERNS("concerns", Kind.CHOICE_LIST, Place.CLOSES, "goals", Shown.ALWAYS),
    AREAS("areas", Kind.CHOICE_LIST, Place.CLOSES, "goals", Shown.ALWAYS);

    /** What an answer is; the list kinds take several. */
    public enum Kind {
        INTEGER, DATE, CHOICE, TEXT_LIST, CHOICE_LIST, GROUP_LIST;

        public boolean repeats() {
            return this == TEXT_LIST || this == CHOICE_LIST || this == GROUP_LIST;
        }
    }

    /** Where the questionnaire asks a field: first or last in its group, after a question, or inside a group item. */
    public enum Place { OPENS, CLOSES, FOLLOWS_UP, PART }

    /** Whether the questionnaire always asks it, or only when a rule that applies reads it. */
    public enum Shown { ALWAYS, WHEN_READ }

    private final String id;
    private final Kind kind;
    private final Place place;
    private final String group;
    private final Shown shown;

    IntakeField(String id, Kind kind, Place place, String group, Shown shown) {
        this.id = id;
        this.kind = kind;
        this.place = place;
        this.group = group;
        this.shown = shown;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Place place() {
        return place;
    }

    /** The questionnaire group it opens or closes; null for a follow-up or a part. */
    public String group() {
        return group;
    }

    public Shown shown() {
        return shown;
    }

    /** Where its answer goes in an intake, for web forms that build one: "patient.age", "concerns[]", "recentProcedures[].type". */
    public String intakePath() {
        if (place == Place.PART) {
            return id.replaceFirst("\\.", "[].");
        }
        return kind.repeats() ? id + "[]" : id;
    }

    /** The fields inside this one's items (a recent procedure's type and date). */
    public List<IntakeField> parts() {
        return Arrays.stream(values()).filter(f -> f.place == Place.PART && f.id.startsWith(id + ".")).toList();
    }

    public static Optional<IntakeField> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** The groups the questionnaire must have for the fields that open or close one, in declaration order. */
    public static List<String> groups() {
        return Arrays.stream(values()).map(IntakeField::group).filter(g -> g != null).distinct().toList();
    }
}
