package mesoscreen.questionnaire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            List<Item> items = new ArrayList<>(fieldsBefore(group.id()));
            for (Question question : rules.questions().values()) {
                if (question.group().equals(group.id()) && reads.contains(question.id())) {
                    items.add(question(question));
                    if (question.followUp() != null) {
                        items.add(followUp(question));
                    }
                }
            }
            items.addAll(fieldsAfter(group.id(), procedure));
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
            shown = List.of(new ShownWhen("patient.sex", sexes, question.appliesTo().contains(Sex.UNKNOWN)));
        }
        return new Item(question.id(), Type.YES_NO_UNKNOWN, "answers." + question.id(), question.label(),
                question.help(), required.contains(question.id()), false, options("answer", texts.answers()), shown,
                List.of());
    }

    private Item followUp(Question question) {
        List<ShownWhen> afterYes = List.of(new ShownWhen(question.id(), List.of("yes"), false));
        if (question.followUp() instanceof Question.FollowUp.StopDate stop) {
            return new Item(stop.id(), Type.DATE, "medications[] { text: \"" + stop.medication() + "\", stoppedOn }",
                    stop.label(), stop.help(), false, false, List.of(), afterYes, List.of());
        }
        Question.FollowUp.Field field = (Question.FollowUp.Field) question.followUp();
        return recentProcedures(field.field(), afterYes);
    }

    private Item recentProcedures(String field, List<ShownWhen> shown) {
        Item type = field(field + ".type", Type.CHOICE, field + "[].type", true, false,
                options("procedure-type", rules.vocabulary().procedureTypes()));
        Item date = field(field + ".date", Type.DATE, field + "[].date", true, false, List.of());
        QuestionnaireTexts.Field text = texts.fields().get(field);
        return new Item(field, Type.GROUP, field + "[]", text.label(), text.help(), false, true, List.of(), shown,
                List.of(type, date));
    }

    /** The intake's own fields that open a group. */
    private List<Item> fieldsBefore(String group) {
        if (!group.equals("about-you")) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        items.add(field("patient.age", Type.INTEGER, "patient.age", required.contains("patient.age"), false, List.of()));
        // The date of birth is the other way to give the age: asked only while no age is given.
        Item birthDate = field("patient.birthDate", Type.DATE, "patient.birthDate", false, false, List.of());
        items.add(new Item(birthDate.id(), birthDate.type(), birthDate.intake(), birthDate.label(), birthDate.help(),
                false, false, List.of(), List.of(new ShownWhen("patient.age", List.of(), true)), List.of()));
        items.add(field("patient.sex", Type.CHOICE, "patient.sex", false, false, options("sex", texts.sexes())));
        if (reads.contains("plannedDate")) {
            items.add(field("plannedDate", Type.DATE, "plannedDate", false, false, List.of()));
        }
        return items;
    }

    /** The intake's own fields that close a group: the free lists, and the goals. */
    private List<Item> fieldsAfter(String group, String procedure) {
        return switch (group) {
            case "conditions", "medications", "allergies" -> reads.contains(group)
                    ? List.of(field(group, Type.TEXT, group + "[]", false, true, List.of())) : List.of();
            case "goals" -> List.of(
                    field("concerns", Type.CHOICE, "concerns[]", false, true, options("concern", names(
                            rules.vocabulary().concerns(), procedure))),
                    field("areas", Type.CHOICE, "areas[]", false, true, options("area", areas(procedure))));
            default -> List.of();
        };
    }

    private Item field(String id, Type type, String intake, boolean isRequired, boolean repeats, List<Option> options) {
        QuestionnaireTexts.Field text = texts.fields().get(id);
        return new Item(id, type, intake, text.label(), text.help(), isRequired, repeats, options, List.of(), List.of());
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
