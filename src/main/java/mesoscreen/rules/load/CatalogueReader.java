package mesoscreen.rules.load;

import mesoscreen.text.Ordered;
import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mesoscreen.intake.IntakeField;
import mesoscreen.intake.Sex;
import mesoscreen.rules.CareStep;
import mesoscreen.rules.Node;
import mesoscreen.rules.Procedure;
import mesoscreen.rules.Question;
import mesoscreen.text.Localized;
import mesoscreen.vocabulary.Concern;
import mesoscreen.vocabulary.Lexicon;

/**
 * Reads the catalogue around the rules: questions.yaml, procedures.yaml, the concerns (which name
 * programmes of the procedures), messages.yaml and care.yaml. The questionnaire texts are
 * {@link QuestionnaireReader}'s.
 */
final class CatalogueReader {
    /** The intake fields a question's "yes" may open. */
    private static final Set<String> FOLLOW_UP_FIELDS = java.util.Arrays.stream(IntakeField.values())
            .filter(f -> f.place() == IntakeField.Place.FOLLOWS_UP).map(IntakeField::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final Reading reading;
    private final VocabularyReader.Words words;

    private CatalogueReader(Reading reading, VocabularyReader.Words words) {
        this.reading = reading;
        this.words = words;
    }

    /**
     * @param questionNodes where each question is written, for the checks that need every rule (unused
     *                      questions) or the questionnaire (groups)
     */
    record Catalogue(Map<String, Question> questions, Map<String, Node> questionNodes,
                     Map<String, Procedure> procedures, Map<String, Concern> concerns,
                     Map<String, Localized> messages) {
    }

    static Catalogue read(Reading reading, VocabularyReader.Words words) {
        return new CatalogueReader(reading, words).read();
    }

    private Catalogue read() {
        Map<String, Node> questionNodes = new LinkedHashMap<>();
        Map<String, Question> questions = reading.list("questions.yaml", "questions", node -> {
            Question question = question(node, words.medications());
            questionNodes.putIfAbsent(question.id(), node);
            return question;
        }, Question::id);
        Map<String, Procedure> procedures = reading.list("procedures.yaml", "procedures", this::procedure, Procedure::id);
        Map<String, Concern> concerns = reading.list("vocabulary/concerns.yaml", "concerns",
                node -> concern(node, procedures), Concern::id);
        return new Catalogue(questions, Ordered.copy(questionNodes), procedures, concerns, messages());
    }

    private Question question(Node node, Lexicon medications) {
        node.object(orderedSet("id", "group", "appliesTo", "label", "help", "loinc", "followUp"));
        String id = node.required("id").text();
        Set<Sex> appliesTo = java.util.Collections.unmodifiableSet(java.util.EnumSet.allOf(Sex.class));
        if (!node.get("appliesTo").isMissing()) {
            node.get("appliesTo").object(Set.of("sex"));
            appliesTo = mesoscreen.rules.condition.ConditionCompiler.sexes(node.get("appliesTo").required("sex"));
        }
        Localized help = reading.optionalLocalized(node.get("help"));
        String loinc = node.get("loinc").isMissing() ? null : node.get("loinc").text();
        if (loinc != null && !loinc.matches("\\d{1,7}-\\d")) {
            throw node.get("loinc").error("a LOINC code looks like 82810-3");
        }
        return new Question(id, node.required("group").text(), appliesTo, reading.localized(node.required("label")),
                help, loinc, node.get("followUp").isMissing() ? null : followUp(node.get("followUp"), medications));
    }

    private Question.FollowUp followUp(Node node, Lexicon medications) {
        node.object(orderedSet("id", "label", "help", "stopDateOf", "field"));
        if (!node.get("field").isMissing()) {
            return new Question.FollowUp.Field(IntakeField.byId(node.get("field").oneOf(FOLLOW_UP_FIELDS, "field")).orElseThrow());
        }
        Node medication = node.required("stopDateOf");
        if (medications.byText(medication.text()).isEmpty()) {
            throw medication.error("'" + medication.text() + "' names no medication of vocabulary/medications.yaml");
        }
        return new Question.FollowUp.StopDate(node.required("id").text(), reading.localized(node.required("label")),
                reading.optionalLocalized(node.get("help")), medication.text());
    }

    private Procedure procedure(Node node) {
        node.object(orderedSet("id", "name", "description", "areas", "ingredients", "sessionMinutes", "programmes",
                "stages", "source"));
        List<String> areaIds = node.required("areas").list().stream()
                .map(a -> a.oneOf(words.areas().keySet(), "area")).toList();
        List<String> ingredientIds = node.required("ingredients").list().stream()
                .map(i -> i.oneOf(words.ingredients().keySet(), "ingredient")).toList();
        List<Procedure.Programme> programmes = node.required("programmes").list().stream().map(this::programme).toList();
        if (programmes.isEmpty()) {
            throw node.required("programmes").error("a procedure needs at least one programme");
        }
        List<Procedure.Stage> stages = node.get("stages").isMissing() ? List.of()
                : node.get("stages").list().stream().map(stage -> {
                    stage.object(orderedSet("id", "name", "description"));
                    return new Procedure.Stage(stage.required("id").text(), reading.localized(stage.required("name")),
                            reading.localized(stage.required("description")));
                }).toList();
        return new Procedure(node.required("id").text(), reading.localized(node.required("name")),
                reading.localized(node.required("description")), areaIds, ingredientIds,
                Reading.range(node.required("sessionMinutes")), programmes, stages,
                reading.source(node.required("source")));
    }

    private Procedure.Programme programme(Node node) {
        node.object(orderedSet("id", "name", "sessions", "intervalDays", "maintenanceWeeks", "repeatAfterMonths",
                "source"));
        return new Procedure.Programme(node.required("id").text(), reading.localized(node.required("name")),
                Reading.range(node.required("sessions")), Reading.range(node.required("intervalDays")),
                node.get("maintenanceWeeks").isMissing() ? null : Reading.range(node.get("maintenanceWeeks")),
                node.get("repeatAfterMonths").isMissing() ? null : node.get("repeatAfterMonths").integer(),
                reading.source(node.required("source")));
    }

    /** A concern with the programmes that treat it, each {@code procedure/programme} of the catalogue. */
    private Concern concern(Node node, Map<String, Procedure> procedures) {
        node.object(orderedSet("id", "name", "indication", "programmes", "source"));
        List<String> programmes = new ArrayList<>();
        for (Node ref : node.required("programmes").list()) {
            String[] parts = ref.text().split("/", 2);
            Procedure procedure = procedures.get(parts[0]);
            if (procedure == null || parts.length < 2 || procedure.programme(parts[1]) == null) {
                Set<String> known = procedures.values().stream()
                        .flatMap(p -> p.programmes().stream().map(g -> p.id() + "/" + g.id()))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                ref.oneOf(known, "programme");
            }
            programmes.add(ref.text());
        }
        return new Concern(node.required("id").text(), reading.localized(node.required("name")),
                reading.localized(node.required("indication")), List.copyOf(programmes),
                reading.source(node.required("source")));
    }

    private Map<String, Localized> messages() {
        Node doc = reading.root("messages.yaml", true);
        Map<String, Localized> messages = new LinkedHashMap<>();
        if (doc != null) {
            reading.problems().attempt(() -> {
                doc.object(Set.of("messages"));
                doc.required("messages").entries().forEach((key, text) -> {
                    Localized value = reading.problems().attempt(() -> reading.localized(text));
                    if (value != null) {
                        messages.put(key, value);
                    }
                });
            });
        }
        return Ordered.copy(messages);
    }

    /** care.yaml: what to do before a session, and after it. */
    static List<List<CareStep>> care(Reading reading, Map<String, Procedure> procedures) {
        Node doc = reading.root("care.yaml", true);
        if (doc == null) {
            return List.of(List.of(), List.of());
        }
        return List.of(careSteps(reading, doc, "preparation", procedures), careSteps(reading, doc, "aftercare", procedures));
    }

    private static List<CareStep> careSteps(Reading reading, Node doc, String key, Map<String, Procedure> procedures) {
        List<CareStep> steps = new ArrayList<>();
        reading.problems().attempt(() -> {
            doc.object(orderedSet("preparation", "aftercare"));
            for (Node step : doc.required(key).list()) {
                CareStep read = reading.problems().attempt(() -> {
                    step.object(orderedSet("id", "procedures", "text", "source"));
                    return new CareStep(step.required("id").text(), scope(step.required("procedures"), procedures),
                            reading.localized(step.required("text")), reading.source(step.required("source")));
                });
                if (read != null) {
                    steps.add(read);
                }
            }
        });
        return List.copyOf(steps);
    }

    /** {@code all}, or a list of procedure ids; the empty set stands for all. */
    static Set<String> scope(Node node, Map<String, Procedure> procedures) {
        if ("all".equals(node.value().asText(null))) {
            return Set.of();
        }
        return node.list().stream().map(p -> p.oneOf(procedures.keySet(), "procedure"))
                .collect(Collectors.toUnmodifiableSet());
    }
}
