package mesoscreen.questionnaire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.IntakeField;
import mesoscreen.intake.Sex;
import mesoscreen.questionnaire.Questionnaire.Item;
import mesoscreen.questionnaire.Questionnaire.Option;
import mesoscreen.questionnaire.Questionnaire.ShownWhen;
import mesoscreen.questionnaire.Questionnaire.Type;
import mesoscreen.text.Localized;
import mesoscreen.rules.Question;
import mesoscreen.rules.QuestionnaireTexts;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;

/**
 * Derives the questionnaire from the rule set. Questions appear in their group in the order of
 * questions.yaml, when a rule applying to the procedure reads them; the intake's own fields
 * (age, sex, lists, dates, goals) appear where the rules read them too.
 */
public final class QuestionnaireBuilder {
    private final RuleSet rules;
    private final QuestionnaireTexts texts;
    private final Set<String> reads = new LinkedHashSet<>();
    private final Set<String> required = new LinkedHashSet<>();

    private QuestionnaireBuilder(RuleSet rules, String procedure) {
        this.rules = rules;
        this.texts = rules.questionnaire();
        for (Rule rule : rules.rules()) {
            if (procedure == null || rule.appliesTo(procedure)) {
                Set<String> read = new LinkedHashSet<>();
                rule.when().reads(read);
                reads.addAll(read);
                if (rule.kind() == Rule.Kind.CONTRAINDICATION) {
                    required.addAll(read);
                }
            }
        }
    }

    /** The questionnaire for {@code procedure} (a catalogue id), or for every procedure when null. */
    public static Questionnaire build(RuleSet rules, String procedure) {
        return new QuestionnaireBuilder(rules, procedure).build(procedure);
    }

    private Questionnaire build(String procedure) {
        List<Questionnaire.Group> groups = new ArrayList<>();
        for (QuestionnaireTexts.Group group : texts.groups()) {
            List<Item> items = new ArrayList<>(fields(group.id(), IntakeField.Place.OPENS, procedure));
            for (Question question : rules.questions().values()) {
                if (question.group().equals(group.id()) && reads.contains(question.id())) {
                    items.add(question(question));
                    if (question.followUp() != null) {
                        items.add(followUp(question));
                    }
                }
            }
            items.addAll(fields(group.id(), IntakeField.Place.CLOSES, procedure));
            if (!items.isEmpty()) {
                groups.add(new Questionnaire.Group(group.id(), group.title(), List.copyOf(items)));
            }
        }
        return new Questionnaire(procedure, List.copyOf(groups));
    }

    private Item question(Question question) {
        List<ShownWhen> shown = List.of();
        if (!question.appliesTo().containsAll(EnumSet.allOf(Sex.class))) {
            List<String> sexes = question.appliesTo().stream().map(Sex::json).toList();
            shown = List.of(new ShownWhen(IntakeField.SEX.id(), sexes, question.appliesTo().contains(Sex.UNKNOWN)));
        }
        return new Item(question.id(), Type.YES_NO_UNKNOWN, "answers." + question.id(), question.label(),
                question.help(), required.contains(question.id()), false, options("answer", texts.answers()), shown,
                List.of(), Target.value("/answers/" + question.id()), Constraints.NONE);
    }

    private Item followUp(Question question) {
        List<ShownWhen> afterYes = List.of(new ShownWhen(question.id(), List.of("yes"), false));
        if (question.followUp() instanceof Question.FollowUp.StopDate stop) {
            return new Item(stop.id(), Type.DATE, IntakeField.MEDICATIONS.intakePath() + ".stoppedOn", stop.label(),
                    stop.help(), false, false, List.of(), afterYes, List.of(),
                    Target.entries(IntakeField.MEDICATIONS.id(), "stoppedOn", Map.of("text", stop.medication())),
                    Constraints.NONE);
        }
        IntakeField field = ((Question.FollowUp.Field) question.followUp()).field();
        Item group = field(field, null);
        return new Item(group.id(), group.type(), group.intake(), group.label(), group.help(), false, group.repeats(),
                List.of(), afterYes, field.parts().stream().map(part -> field(part, null)).toList(), group.target(),
                group.constraints());
    }

    /** The intake's own fields that open ({@code place} OPENS) or close (CLOSES) a group. */
    private List<Item> fields(String group, IntakeField.Place place, String procedure) {
        List<Item> items = new ArrayList<>();
        for (IntakeField field : IntakeField.values()) {
            if (field.place() == place && group.equals(field.group())
                    && (field.shown() == IntakeField.Shown.ALWAYS || reads.contains(field.id()))) {
                items.add(field(field, procedure));
            }
        }
        return items;
    }

    /** The item of an intake field; the switch names every field, so a new one cannot be forgotten. */
    private Item field(IntakeField field, String procedure) {
        return switch (field) {
            case AGE -> item(field, required.contains(field.id()), List.of(), List.of());
            // The date of birth is the other way to give the age: asked only while no age is given.
            case BIRTH_DATE -> item(field, false, List.of(), List.of(new ShownWhen(IntakeField.AGE.id(), List.of(), true)));
            case SEX -> item(field, false, options("sex", texts.sexes()), List.of());
            case PLANNED_DATE, CONDITIONS, MEDICATIONS, ALLERGIES, RECENT_PROCEDURES -> item(field, false, List.of(),
                    List.of());
            case RECENT_PROCEDURE_TYPE -> item(field, true, options("procedure-type", rules.vocabulary().procedureTypes()),
                    List.of());
            case RECENT_PROCEDURE_DATE -> item(field, true, List.of(), List.of());
            case CONCERNS -> item(field, false, options("concern", names(rules.vocabulary().concerns(), procedure)),
                    List.of());
            case AREAS -> item(field, false, options("area", areas(procedure)), List.of());
        };
    }

    private Item item(IntakeField field, boolean isRequired, List<Option> options, List<ShownWhen> shown) {
        QuestionnaireTexts.Field text = texts.fields().get(field.id());
        return new Item(field.id(), type(field.kind()), field.intakePath(), text.label(), text.help(), isRequired,
                field.kind().repeats(), options, shown, List.of(), target(field), constraints(field));
    }

    /** Where a field's answer goes; the switch names every field, so a new one cannot be forgotten. */
    private static Target target(IntakeField field) {
        return switch (field) {
            case AGE, BIRTH_DATE, SEX, PLANNED_DATE -> Target.value("/" + field.id().replace('.', '/'));
            case CONDITIONS, MEDICATIONS, ALLERGIES -> Target.entries(field.id(), "text", Map.of());
            case RECENT_PROCEDURES -> Target.entries(field.id(), null, Map.of());
            case RECENT_PROCEDURE_TYPE -> Target.entries(IntakeField.RECENT_PROCEDURES.id(), "type", Map.of());
            case RECENT_PROCEDURE_DATE -> Target.entries(IntakeField.RECENT_PROCEDURES.id(), "date", Map.of());
            case CONCERNS, AREAS -> Target.codes(field.id());
        };
    }

    /** A field's limits, read from the intake's own validation annotations. */
    private static Constraints constraints(IntakeField field) {
        return switch (field) {
            case AGE -> IntakeLimits.age();
            case BIRTH_DATE, SEX, PLANNED_DATE, RECENT_PROCEDURE_DATE -> Constraints.NONE;
            case CONDITIONS, MEDICATIONS, ALLERGIES -> IntakeLimits.textList(field.id());
            case RECENT_PROCEDURES -> IntakeLimits.objectList(field.id());
            case RECENT_PROCEDURE_TYPE -> IntakeLimits.part(mesoscreen.intake.Intake.RecentProcedure.class, "type");
            case CONCERNS, AREAS -> IntakeLimits.codeList(field.id());
        };
    }

    private static Type type(IntakeField.Kind kind) {
        return switch (kind) {
            case INTEGER -> Type.INTEGER;
            case DATE -> Type.DATE;
            case CHOICE, CHOICE_LIST -> Type.CHOICE;
            case TEXT_LIST -> Type.TEXT;
            case GROUP_LIST -> Type.GROUP;
        };
    }

    /** Concerns the procedure treats; all of them for the whole catalogue. */
    private Map<String, Localized> names(Map<String, mesoscreen.vocabulary.Concern> concerns, String procedure) {
        Map<String, Localized> out = new java.util.LinkedHashMap<>();
        concerns.values().stream()
                .filter(c -> procedure == null || c.programmes().stream().anyMatch(ref -> ref.startsWith(procedure + "/")))
                .forEach(c -> out.put(c.id(), c.name()));
        return out;
    }

    private Map<String, Localized> areas(String procedure) {
        Map<String, Localized> out = new java.util.LinkedHashMap<>();
        rules.vocabulary().areas().forEach((id, name) -> {
            if (procedure == null || rules.procedures().get(procedure).areas().contains(id)) {
                out.put(id, name);
            }
        });
        return out;
    }

    private static List<Option> options(String system, Map<String, Localized> labels) {
        return labels.entrySet().stream().map(e -> new Option(system, e.getKey(), e.getValue())).toList();
    }
}
