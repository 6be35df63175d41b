package mesoscreen.fhir;

import java.util.List;
import java.util.Map;
import mesoscreen.questionnaire.Questionnaire.Item;
import mesoscreen.questionnaire.Questionnaire.Option;
import mesoscreen.questionnaire.Questionnaire.ShownWhen;
import mesoscreen.questionnaire.QuestionnaireBuilder;
import mesoscreen.text.Localized;
import mesoscreen.rules.Question;
import mesoscreen.rules.RuleSet;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * The questionnaire and its code systems as FHIR R4 resources, built from the same
 * {@link QuestionnaireBuilder} model as the JSON one: linkIds are our question ids and fields.
 */
public final class FhirQuestionnaires {
    public static final String ID = "mesoscreen-intake";
    static final String GROUP_PREFIX = "group-";
    static final String HELP_SUFFIX = ".help";
    static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";
    private static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    private static final String ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";
    /** The code systems we publish, by the option system names of the questionnaire model. */
    static final List<String> CODE_SYSTEMS = List.of("answer", "concern", "area", "procedure-type");

    private FhirQuestionnaires() {
    }

    /** {@code mesoscreen-intake} for the whole catalogue, {@code mesoscreen-intake-hydralift} for one procedure. */
    public static String id(String procedure) {
        return procedure == null ? ID : ID + "-" + procedure;
    }

    /** The procedure a questionnaire id stands for: null for the catalogue; empty when it is not ours. */
    public static java.util.Optional<String> procedureOf(String id, RuleSet rules) {
        if (ID.equals(id)) {
            return java.util.Optional.of("");
        }
        if (id != null && id.startsWith(ID + "-") && rules.procedures().containsKey(id.substring(ID.length() + 1))) {
            return java.util.Optional.of(id.substring(ID.length() + 1));
        }
        return java.util.Optional.empty();
    }

    public static String url(String base, String procedure) {
        return base + "/Questionnaire/" + id(procedure);
    }

    static String system(String base, String optionSystem) {
        return optionSystem.equals("sex") ? ADMINISTRATIVE_GENDER : base + "/CodeSystem/" + optionSystem;
    }

    public static Questionnaire questionnaire(RuleSet rules, String procedure, String language, String base) {
        mesoscreen.questionnaire.Questionnaire model = QuestionnaireBuilder.build(rules, procedure);
        Questionnaire q = new Questionnaire();
        q.setId(id(procedure));
        q.setUrl(url(base, procedure));
        q.setVersion(rules.version());
        q.setName(procedure == null ? "MesoscreenIntake" : "MesoscreenIntake_" + procedure.replace('-', '_'));
        q.setTitle(rules.message("questionnaire.title", language)
                + (procedure == null ? "" : ": " + rules.procedures().get(procedure).name().in(language)));
        q.setStatus(PublicationStatus.ACTIVE);
        q.setLanguage(language);
        q.addSubjectType("Patient");
        q.setPublisher("Mesoscreen");
        Map<String, Question> questions = rules.questions();
        for (mesoscreen.questionnaire.Questionnaire.Group group : model.groups()) {
            QuestionnaireItemComponent groupItem = q.addItem()
                    .setLinkId(GROUP_PREFIX + group.id())
                    .setType(QuestionnaireItemType.GROUP)
                    .setText(group.title().in(language));
            for (Item item : group.items()) {
                groupItem.addItem(item(item, questions, language, base));
            }
        }
        return q;
    }

    private static QuestionnaireItemComponent item(Item item, Map<String, Question> questions, String language,
                                                   String base) {
        QuestionnaireItemComponent out = new QuestionnaireItemComponent()
                .setLinkId(item.id())
                .setText(item.label().in(language))
                .setType(type(item))
                .setRequired(item.required())
                .setRepeats(item.repeats());
        Question question = questions.get(item.id());
        if (question != null && question.loinc() != null) {
            out.addCode(new Coding("http://loinc.org", question.loinc(), null));
        }
        for (Option option : item.options()) {
            out.addAnswerOption().setValue(new Coding(system(base, option.system()), option.code(),
                    option.label().in(language)));
        }
        for (ShownWhen shown : item.shownWhen()) {
            String system = shown.question().equals("patient.sex") ? ADMINISTRATIVE_GENDER : system(base, "answer");
            for (String answer : shown.answers()) {
                out.addEnableWhen().setQuestion(shown.question())
                        .setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL)
                        .setAnswer(new Coding(system, answer, null));
            }
            if (shown.orUnanswered()) {
                out.addEnableWhen().setQuestion(shown.question())
                        .setOperator(Questionnaire.QuestionnaireItemOperator.EXISTS)
                        .setAnswer(new BooleanType(false));
            }
        }
        if (out.getEnableWhen().size() > 1) {
            out.setEnableBehavior(Questionnaire.EnableWhenBehavior.ANY);
        }
        for (Item part : item.items()) {
            out.addItem(item(part, questions, language, base));
        }
        if (item.help() != null) {
            // SDC help text: a display child with the "help" item control, shown as a help button.
            QuestionnaireItemComponent help = out.addItem()
                    .setLinkId(item.id() + HELP_SUFFIX)
                    .setType(QuestionnaireItemType.DISPLAY)
                    .setText(item.help().in(language));
            help.addExtension(new Extension(ITEM_CONTROL,
                    new CodeableConcept(new Coding(ITEM_CONTROL_SYSTEM, "help", "Help-Button"))));
        }
        return out;
    }

    private static QuestionnaireItemType type(Item item) {
        return switch (item.type()) {
            case YES_NO_UNKNOWN, CHOICE -> QuestionnaireItemType.CHOICE;
            case INTEGER -> QuestionnaireItemType.INTEGER;
            case DATE -> QuestionnaireItemType.DATE;
            case TEXT -> QuestionnaireItemType.STRING;
            case GROUP -> QuestionnaireItemType.GROUP;
        };
    }

    /** A code system we publish: answer, concern, area or procedure-type. */
    public static CodeSystem codeSystem(RuleSet rules, String id, String language, String base) {
        Map<String, Localized> concepts = switch (id) {
            case "answer" -> rules.questionnaire().answers();
            case "concern" -> concernNames(rules);
            case "area" -> rules.vocabulary().areas();
            case "procedure-type" -> rules.vocabulary().procedureTypes();
            default -> throw new IllegalArgumentException(id);
        };
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(system(base, id));
        system.setVersion(rules.version());
        system.setName("Mesoscreen_" + id.replace('-', '_'));
        system.setStatus(PublicationStatus.ACTIVE);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCaseSensitive(true);
        system.setLanguage(language);
        concepts.forEach((code, label) -> system.addConcept().setCode(code).setDisplay(label.in(language)));
        system.setCount(concepts.size());
        return system;
    }

    private static Map<String, Localized> concernNames(RuleSet rules) {
        Map<String, Localized> out = new java.util.LinkedHashMap<>();
        rules.vocabulary().concerns().forEach((id, concern) -> out.put(id, concern.name()));
        return out;
    }
}
