package mesoscreen.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Rule.Example;
import mesoscreen.rules.Rule.Kind;
import mesoscreen.rules.Rule.Outcome;
import mesoscreen.rules.Rule.Severity;
import mesoscreen.rules.condition.Condition;
import mesoscreen.text.Localized;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Concern;
import mesoscreen.vocabulary.Lexicon;
import mesoscreen.text.Suggestions;
import mesoscreen.vocabulary.TextNormalizer;
import mesoscreen.vocabulary.Vocabulary;

/**
 * Reads a rule folder, checks every id it names and compiles it into a {@link RuleSet}. All errors
 * are collected, each with file, line and column; if there is any, {@link #load} throws them
 * together so that an author fixes a whole folder in one pass. Examples are run afterwards by the
 * screening layer, which owns the intake.
 */
public final class RuleSetLoader {
    private static final Set<String> CONDITION_KEYS = orderedSet("all", "any", "not", "answer", "condition",
            "medication", "recentProcedure", "allergy", "allergyToIngredient", "age", "sex", "procedure", "area",
            "concern");

    private final Path root;
    private final List<RuleError> errors = new ArrayList<>();
    private final MessageDigest digest = sha256();
    private List<String> languages = List.of("en");
    private Map<String, String> sources = Map.of();
    private TextNormalizer normalizer = new TextNormalizer(Set.of());
    private Vocabulary vocabulary;
    private Lexicon conditions;
    private Lexicon medications;
    private Lexicon allergens;
    private Map<String, Localized> areas = Map.of();
    private Map<String, Localized> ingredients = Map.of();
    private Map<String, Localized> procedureTypes = Map.of();
    private Map<String, Question> questions = Map.of();
    private final Map<String, Node> questionNodes = new LinkedHashMap<>();
    private final Set<String> askedQuestions = new HashSet<>();
    /** Procedure types each recent-procedure question asks about, over all the rules it serves. */
    private final Map<String, Set<String>> typesAskedBy = new HashMap<>();
    private Map<String, Procedure> procedures = Map.of();

    private RuleSetLoader(Path root) {
        this.root = snapshot(root);
    }

    /**
     * A Kubernetes ConfigMap volume keeps its files in a hidden timestamped folder that {@code ..data}
     * links to, and swaps that link when the ConfigMap changes. Reading through the link once makes
     * one load (and one digest) see one version of every file, never a mix of two.
     */
    private static Path snapshot(Path root) {
        Path data = root.resolve("..data");
        try {
            return Files.isSymbolicLink(data) ? data.toRealPath() : root;
        } catch (IOException e) {
            return root; // swapped away while we looked: the next poll sees the new one
        }
    }

    /** The digest a rule set loaded from {@code root} now would have: cheap, for watching for changes. */
    public static String digest(Path root) {
        RuleSetLoader loader = new RuleSetLoader(root);
        loader.yamlFiles().forEach(loader::addToDigest);
        return "sha256:" + HexFormat.of().formatHex(loader.digest.digest());
    }

    /** Loads and compiles {@code root}; throws {@link RuleSetException} with every error found. */
    public static RuleSet load(Path root) {
        return new RuleSetLoader(root).load();
    }

    private RuleSet load() {
        if (!Files.isDirectory(root)) {
            throw new RuleSetException(List.of(new RuleError(root.toString(), 0, 0,
                    "rules folder not found (set MESOSCREEN_RULES_DIR)", null)));
        }
        List<Path> files = yamlFiles();
        files.forEach(this::addToDigest);

        readRuleSetFile();
        readVocabulary();
        questions = readList("questions.yaml", "questions", this::question, Question::id);
        procedures = readList("procedures.yaml", "procedures", this::procedure, Procedure::id);
        Map<String, Concern> concerns = readList("vocabulary/concerns.yaml", "concerns", this::concern, Concern::id);
        vocabulary = new Vocabulary(conditions, medications, allergens, areas, concerns, ingredients, procedureTypes);
        Map<String, Localized> messages = readMessages();
        QuestionnaireTexts questionnaire = readQuestionnaire();
        Node care = document("care.yaml", true);
        List<CareStep> preparation = care == null ? List.of() : careSteps(care, "preparation");
        List<CareStep> aftercare = care == null ? List.of() : careSteps(care, "aftercare");
        int before = errors.size();
        List<Rule> rules = readRules(files);
        boolean rulesComplete = errors.size() == before;
        questionNodes.forEach((id, node) -> {
            // Only a complete set of rules can tell that a question is unused.
            if (rulesComplete && !askedQuestions.contains(id)) {
                errors.add(node.get("id").error("question '" + id + "' is used by no rule; remove it or use it").error());
            }
        });
        if (!errors.isEmpty()) {
            throw new RuleSetException(errors);
        }
        return new RuleSet(version, "sha256:" + HexFormat.of().formatHex(digest.digest()), languages, sources,
                questions, procedures, vocabulary, normalizer, messages, preparation, aftercare, questionnaire, rules);
    }

    private String version = "";

    // ---- files -------------------------------------------------------------------------------

    private List<Path> yamlFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addToDigest(Path file) {
        digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try {
            digest.update(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digest.update((byte) 0);
    }

    /** The root node of a file, or null (with the error recorded) when it is missing or not YAML. */
    private Node document(String relative, boolean required) {
        Path file = root.resolve(relative);
        String name = root.resolve(relative).toString();
        if (!Files.isRegularFile(file)) {
            if (required) {
                errors.add(new RuleError(name, 0, 0, "file missing", null));
            }
            return null;
        }
        try {
            return YamlDocument.parse(name, Files.readString(file)).root();
        } catch (RuleError.Raised e) {
            errors.add(e.error());
            return null;
        } catch (IOException e) {
            errors.add(new RuleError(name, 0, 0, "cannot read: " + e.getMessage(), null));
            return null;
        }
    }

    /** Runs one reading step; a raised error is recorded and the step yields null. */
    private <T> T attempt(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuleError.Raised e) {
            errors.add(e.error());
            return null;
        }
    }

    /** Reads {@code key: [ ... ]} of a file into an id-ordered map, reporting duplicate ids. */
    private <T> Map<String, T> readList(String relative, String key, Function<Node, T> reader, Function<T, String> id) {
        Node doc = document(relative, true);
        Map<String, T> out = new LinkedHashMap<>();
        if (doc == null) {
            return out;
        }
        List<Node> items = attempt(() -> {
            doc.object(Set.of(key));
            return doc.required(key).list();
        });
        for (Node item : items == null ? List.<Node>of() : items) {
            T value = attempt(() -> reader.apply(item));
            if (value != null && out.putIfAbsent(id.apply(value), value) != null) {
                errors.add(item.get("id").error("duplicate id '" + id.apply(value) + "'").error());
            }
        }
        return out;
    }

    // ---- rule set, vocabulary ------------------------------------------------------------------

    private void readRuleSetFile() {
        Node doc = document("ruleset.yaml", true);
        if (doc == null) {
            return;
        }
        attempt(() -> {
            doc.object(orderedSet("version", "languages", "sources"));
            version = doc.required("version").text();
            languages = doc.required("languages").texts();
            Map<String, String> cited = new LinkedHashMap<>();
            doc.required("sources").entries().forEach((id, text) -> cited.put(id, text.text()));
            sources = cited;
            return null;
        });
    }

    private void readVocabulary() {
        Node ignored = document("vocabulary/ignored-words.yaml", true);
        if (ignored != null) {
            attempt(() -> {
                ignored.object(Set.of("words"));
                normalizer = new TextNormalizer(Set.copyOf(ignored.required("words").texts()));
                return null;
            });
        }
        areas = readNames("vocabulary/areas.yaml", "areas");
        procedureTypes = readNames("vocabulary/procedure-types.yaml", "procedureTypes");
        // Ingredients are allergens too: an allergy to one meets the procedures that contain it.
        allergens = new Lexicon(normalizer);
        ingredients = names(readList("vocabulary/ingredients.yaml", "ingredients",
                node -> lexiconEntry(node, allergens, true), Named::id));
        readList("vocabulary/allergens.yaml", "allergens", node -> lexiconEntry(node, allergens, true), Named::id);
        conditions = readLexicon("vocabulary/conditions.yaml", "conditions");
        medications = readLexicon("vocabulary/medications.yaml", "medications");
    }

    private static Map<String, Localized> names(Map<String, Named> named) {
        Map<String, Localized> out = new LinkedHashMap<>();
        named.forEach((id, entry) -> out.put(id, entry.name()));
        return out;
    }

    private record Named(String id, Localized name) {
    }

    private Map<String, Localized> readNames(String relative, String key) {
        return names(readList(relative, key, node -> {
            Map<String, Node> fields = node.object(orderedSet("id", "name", "source"));
            if (fields.containsKey("source")) {
                source(fields.get("source"));
            }
            return new Named(node.required("id").text(), localized(node.required("name")));
        }, Named::id));
    }

    private Lexicon readLexicon(String relative, String key) {
        Lexicon lexicon = new Lexicon(normalizer);
        readList(relative, key, node -> lexiconEntry(node, lexicon, false), Named::id);
        return lexicon;
    }

    /** One vocabulary entry: id, optional name and source, codes, and free-text terms per language. */
    private Named lexiconEntry(Node node, Lexicon lexicon, boolean named) {
        node.object(orderedSet("id", "name", "codes", "text", "source"));
        String id = node.required("id").text();
        Localized name = named || !node.get("name").isMissing() ? localized(node.required("name")) : null;
        if (!node.get("source").isMissing()) {
            source(node.get("source"));
        }
        lexicon.addId(id);
        if (!node.get("codes").isMissing()) {
            for (Node code : node.get("codes").list()) {
                code.object(orderedSet("system", "code"));
                String system = code.required("system").oneOf(Set.copyOf(CodeSystems.aliases()), "code system");
                lexicon.addCode(id, system, code.required("code").text());
            }
        }
        if (!node.get("text").isMissing()) {
            node.get("text").entries().forEach((language, terms) -> {
                if (!languages.contains(language)) {
                    throw terms.keyError("unknown language '" + language + "'; the rule set has " + languages);
                }
                for (Node term : terms.list()) {
                    String clash = lexicon.addTerm(id, term.text());
                    if (clash != null) {
                        throw term.error("'" + term.text() + "' already names '" + clash + "'");
                    }
                }
            });
        }
        return new Named(id, name);
    }

    // ---- questions, procedures, messages ------------------------------------------------------

    private Question question(Node node) {
        node.object(orderedSet("id", "group", "appliesTo", "label", "help", "loinc", "followUp"));
        String id = node.required("id").text();
        Set<Sex> appliesTo = EnumSet.allOf(Sex.class);
        if (!node.get("appliesTo").isMissing()) {
            node.get("appliesTo").object(Set.of("sex"));
            appliesTo = sexes(node.get("appliesTo").required("sex"));
        }
        Localized help = node.get("help").isMissing() ? null : localized(node.get("help"));
        questionNodes.putIfAbsent(id, node);
        String loinc = node.get("loinc").isMissing() ? null : node.get("loinc").text();
        if (loinc != null && !loinc.matches("\\d{1,7}-\\d")) {
            throw node.get("loinc").error("a LOINC code looks like 82810-3");
        }
        return new Question(id, node.required("group").text(), appliesTo, localized(node.required("label")), help,
                loinc, node.get("followUp").isMissing() ? null : followUp(node.get("followUp")));
    }

    /** The intake fields a question's "yes" may open. */
    private static final Set<String> FOLLOW_UP_FIELDS = Set.of("recentProcedures");

    private Question.FollowUp followUp(Node node) {
        node.object(orderedSet("id", "label", "help", "stopDateOf", "field"));
        if (!node.get("field").isMissing()) {
            return new Question.FollowUp.Field(node.get("field").oneOf(FOLLOW_UP_FIELDS, "field"));
        }
        Node medication = node.required("stopDateOf");
        if (medications.byText(medication.text()).isEmpty()) {
            throw medication.error("'" + medication.text() + "' names no medication of vocabulary/medications.yaml");
        }
        return new Question.FollowUp.StopDate(node.required("id").text(), localized(node.required("label")),
                node.get("help").isMissing() ? null : localized(node.get("help")), medication.text());
    }

    /** Intake fields the questionnaire labels; each must have its text. */
    private static final List<String> FIELDS = List.of("patient.age", "patient.birthDate", "patient.sex",
            "plannedDate", "conditions", "medications", "allergies", "recentProcedures", "recentProcedures.type",
            "recentProcedures.date", "concerns", "areas");

    private QuestionnaireTexts readQuestionnaire() {
        Node doc = document("questionnaire.yaml", true);
        if (doc == null) {
            return new QuestionnaireTexts(List.of(), Map.of(), Map.of(), Map.of());
        }
        QuestionnaireTexts texts = attempt(() -> {
            doc.object(orderedSet("groups", "fields", "options"));
            List<QuestionnaireTexts.Group> groups = doc.required("groups").list().stream().map(group -> {
                group.object(orderedSet("id", "title"));
                return new QuestionnaireTexts.Group(group.required("id").text(), localized(group.required("title")));
            }).toList();
            Map<String, QuestionnaireTexts.Field> fields = new LinkedHashMap<>();
            Node fieldNodes = doc.required("fields");
            fieldNodes.object(new LinkedHashSet<>(FIELDS));
            for (String field : FIELDS) {
                Node text = fieldNodes.required(field);
                text.object(orderedSet("label", "help"));
                fields.put(field, new QuestionnaireTexts.Field(localized(text.required("label")),
                        text.get("help").isMissing() ? null : localized(text.get("help"))));
            }
            Node options = doc.required("options");
            options.object(orderedSet("sex", "answer"));
            Map<String, Localized> sexes = options(options.required("sex"), orderedSet("female", "male", "other", "unknown"));
            Map<String, Localized> answers = options(options.required("answer"), orderedSet("yes", "no", "unknown"));
            return new QuestionnaireTexts(groups, fields, sexes, answers);
        });
        if (texts != null) {
            Set<String> groupIds = texts.groups().stream().map(QuestionnaireTexts.Group::id).collect(Collectors.toSet());
            questionNodes.forEach((id, node) -> {
                if (!groupIds.contains(node.get("group").value().asText())) {
                    attempt(() -> node.get("group").oneOf(groupIds, "group"));
                }
            });
        }
        return texts;
    }

    /** Labels of a closed set of options: exactly those codes. */
    private Map<String, Localized> options(Node node, Set<String> codes) {
        node.object(codes);
        Map<String, Localized> out = new LinkedHashMap<>();
        for (String code : codes) {
            out.put(code, localized(node.required(code)));
        }
        return out;
    }

    private Procedure procedure(Node node) {
        node.object(orderedSet("id", "name", "description", "areas", "ingredients", "sessionMinutes", "programmes",
                "stages", "source"));
        List<String> areaIds = node.required("areas").list().stream().map(a -> a.oneOf(areas.keySet(), "area")).toList();
        List<String> ingredientIds = node.required("ingredients").list().stream()
                .map(i -> i.oneOf(ingredients.keySet(), "ingredient")).toList();
        List<Procedure.Programme> programmes = node.required("programmes").list().stream().map(this::programme).toList();
        if (programmes.isEmpty()) {
            throw node.required("programmes").error("a procedure needs at least one programme");
        }
        List<Procedure.Stage> stages = node.get("stages").isMissing() ? List.of()
                : node.get("stages").list().stream().map(stage -> {
                    stage.object(orderedSet("id", "name", "description"));
                    return new Procedure.Stage(stage.required("id").text(), localized(stage.required("name")),
                            localized(stage.required("description")));
                }).toList();
        return new Procedure(node.required("id").text(), localized(node.required("name")),
                localized(node.required("description")), areaIds, ingredientIds, range(node.required("sessionMinutes")),
                programmes, stages, source(node.required("source")));
    }

    private Procedure.Programme programme(Node node) {
        node.object(orderedSet("id", "name", "sessions", "intervalDays", "maintenanceWeeks", "repeatAfterMonths",
                "source"));
        return new Procedure.Programme(node.required("id").text(), localized(node.required("name")),
                range(node.required("sessions")), range(node.required("intervalDays")),
                node.get("maintenanceWeeks").isMissing() ? null : range(node.get("maintenanceWeeks")),
                node.get("repeatAfterMonths").isMissing() ? null : node.get("repeatAfterMonths").integer(),
                source(node.required("source")));
    }

    /** A concern with the programmes that treat it, each {@code procedure/programme} of the catalogue. */
    private Concern concern(Node node) {
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
        return new Concern(node.required("id").text(), localized(node.required("name")),
                localized(node.required("indication")), List.copyOf(programmes), source(node.required("source")));
    }

    private List<CareStep> careSteps(Node doc, String key) {
        List<CareStep> steps = new ArrayList<>();
        attempt(() -> {
            doc.object(orderedSet("preparation", "aftercare"));
            for (Node step : doc.required(key).list()) {
                CareStep read = attempt(() -> {
                    step.object(orderedSet("id", "procedures", "text", "source"));
                    return new CareStep(step.required("id").text(), procedureScope(step.required("procedures")),
                            localized(step.required("text")), source(step.required("source")));
                });
                if (read != null) {
                    steps.add(read);
                }
            }
            return null;
        });
        return List.copyOf(steps);
    }

    /** {@code all}, or a list of procedure ids; the empty set stands for all. */
    private Set<String> procedureScope(Node node) {
        if ("all".equals(node.value().asText(null))) {
            return Set.of();
        }
        return node.list().stream().map(p -> p.oneOf(procedures.keySet(), "procedure"))
                .collect(Collectors.toUnmodifiableSet());
    }

    private Map<String, Localized> readMessages() {
        Node doc = document("messages.yaml", true);
        Map<String, Localized> messages = new LinkedHashMap<>();
        if (doc != null) {
            attempt(() -> {
                doc.object(Set.of("messages"));
                doc.required("messages").entries().forEach((key, text) -> {
                    Localized value = attempt(() -> localized(text));
                    if (value != null) {
                        messages.put(key, value);
                    }
                });
                return null;
            });
        }
        return messages;
    }

    // ---- rules ---------------------------------------------------------------------------------

    private List<Rule> readRules(List<Path> files) {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Path checks = root.resolve("checks");
        for (Path file : files) {
            if (!file.startsWith(checks)) {
                continue;
            }
            Node doc = document(root.relativize(file).toString(), true);
            Rule rule = doc == null ? null : attempt(() -> rule(doc, file));
            if (rule != null && !ids.add(rule.id())) {
                errors.add(doc.get("id").error("duplicate rule id '" + rule.id() + "'").error());
            } else if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(Node node, Path file) {
        node.object(orderedSet("id", "kind", "severity", "procedures", "when", "title", "message", "reassess",
                "source", "examples"));
        String id = node.required("id").text();
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!id.equals(expected)) {
            throw node.get("id").error("rule id '" + id + "' must match its file name '" + expected + "'");
        }
        Kind kind = Kind.valueOf(node.required("kind").oneOf(orderedSet("contraindication", "precaution", "note"), "kind")
                .toUpperCase(java.util.Locale.ROOT));
        Severity severity = null;
        if (kind == Kind.CONTRAINDICATION) {
            severity = Severity.valueOf(node.required("severity")
                    .oneOf(orderedSet("absolute", "temporary", "relative"), "severity").toUpperCase(java.util.Locale.ROOT));
        } else if (!node.get("severity").isMissing()) {
            throw node.get("severity").error("only a contraindication has a severity");
        }
        Localized reassess = null;
        if (severity == Severity.TEMPORARY) {
            reassess = localized(node.required("reassess"));
        } else if (!node.get("reassess").isMissing()) {
            throw node.get("reassess").error("'reassess' is for temporary contraindications only");
        }
        Set<String> scope = procedureScope(node.required("procedures"));
        Condition when = condition(node.required("when"));
        List<Example> examples = node.required("examples").list().stream().map(this::example).toList();
        for (Outcome needed : List.of(Outcome.FIRES, Outcome.CLEAR)) {
            if (examples.stream().noneMatch(e -> e.expect() == needed)) {
                throw node.required("examples").error("rule '" + id + "' needs an example that " + needed.json()
                        + (needed == Outcome.FIRES ? "" : "s"));
            }
        }
        return new Rule(id, kind, severity, scope, when, localized(node.required("title")),
                localized(node.required("message")), reassess, source(node.required("source")), examples,
                node.document().name());
    }

    private Example example(Node node) {
        node.object(orderedSet("name", "intake", "expect", "missing"));
        Outcome expect = Outcome.valueOf(node.required("expect").oneOf(orderedSet("fires", "clear", "unknown"), "outcome")
                .toUpperCase(java.util.Locale.ROOT));
        Set<String> missing = node.get("missing").isMissing() ? null : Set.copyOf(node.get("missing").texts());
        if (missing != null && expect != Outcome.UNKNOWN) {
            throw node.get("missing").error("'missing' is for examples that expect unknown");
        }
        Node intake = node.required("intake");
        if (!intake.value().isObject()) {
            throw intake.error("expected the intake as a mapping");
        }
        return new Example(node.required("name").text(), intake.value(), expect, missing, node);
    }

    private Condition condition(Node node) {
        Map<String, Node> members = node.object(CONDITION_KEYS);
        if (members.size() != 1) {
            throw node.error("a condition has exactly one of " + String.join(", ", CONDITION_KEYS));
        }
        Map.Entry<String, Node> only = members.entrySet().iterator().next();
        Node value = only.getValue();
        return switch (only.getKey()) {
            case "all", "any" -> {
                List<Condition> children = value.list().stream().map(this::condition).toList();
                if (children.isEmpty()) {
                    throw value.error("'" + only.getKey() + "' needs at least one condition");
                }
                yield only.getKey().equals("all") ? new Condition.All(children) : new Condition.Any(children);
            }
            case "not" -> new Condition.Not(condition(value));
            case "answer" -> {
                String question = value.oneOf(questions.keySet(), "question");
                askedQuestions.add(question);
                yield new Condition.AnswerYes(question);
            }
            case "condition" -> new Condition.Listed(Condition.Listed.Kind.CONDITION,
                    value.oneOf(vocabulary.conditions().ids(), "condition"));
            case "medication" -> {
                if (value.value().isTextual()) {
                    yield new Condition.TakesMedication(value.oneOf(vocabulary.medications().ids(), "medication class"),
                            null, null);
                }
                value.object(orderedSet("class", "stoppedWithin", "askedBy"));
                String askedBy = value.get("askedBy").isMissing() ? null
                        : value.get("askedBy").oneOf(questions.keySet(), "question");
                if (askedBy != null) {
                    askedQuestions.add(askedBy);
                }
                yield new Condition.TakesMedication(
                        value.required("class").oneOf(vocabulary.medications().ids(), "medication class"),
                        value.get("stoppedWithin").isMissing() ? null : window(value.get("stoppedWithin")), askedBy);
            }
            case "recentProcedure" -> {
                value.object(orderedSet("within", "askedBy"));
                Map<String, Condition.Window> within = new LinkedHashMap<>();
                value.required("within").entries().forEach((type, window) -> {
                    if (!vocabulary.procedureTypes().containsKey(type)) {
                        throw window.keyError("unknown procedure type '" + type + "'"
                                + Suggestions.didYouMean(type, vocabulary.procedureTypes().keySet()));
                    }
                    within.put(type, window(window));
                });
                String askedBy = value.required("askedBy").oneOf(questions.keySet(), "question");
                askedQuestions.add(askedBy);
                // Every rule this question serves adds its types; each predicate sees the whole set.
                Set<String> types = typesAskedBy.computeIfAbsent(askedBy, q -> new LinkedHashSet<>());
                types.addAll(within.keySet());
                yield new Condition.RecentProcedureWithin(Map.copyOf(within), askedBy, Collections.unmodifiableSet(types));
            }
            case "allergy" -> new Condition.Listed(Condition.Listed.Kind.ALLERGY,
                    value.oneOf(vocabulary.allergens().ids(), "allergen"));
            case "allergyToIngredient" -> {
                if (!value.bool()) {
                    throw value.error("write 'allergyToIngredient: true', or use 'not'");
                }
                Map<String, Set<String>> byProcedure = new LinkedHashMap<>();
                procedures.values().forEach(p -> byProcedure.put(p.id(), Set.copyOf(p.ingredients())));
                yield new Condition.AllergyToIngredient(Map.copyOf(byProcedure));
            }
            case "age" -> {
                value.object(orderedSet("min", "max"));
                Integer min = value.get("min").isMissing() ? null : value.get("min").integer();
                Integer max = value.get("max").isMissing() ? null : value.get("max").integer();
                if (min == null && max == null || min != null && max != null && min > max) {
                    throw value.error("an age range needs 'min' and/or 'max', with min <= max");
                }
                yield new Condition.AgeBetween(min, max);
            }
            case "sex" -> new Condition.SexIn(sexes(value));
            case "procedure" -> new Condition.ProcedureIn(ids(value, procedures.keySet(), "procedure"));
            case "area" -> {
                Map<String, List<String>> byProcedure = new LinkedHashMap<>();
                procedures.values().forEach(p -> byProcedure.put(p.id(), p.areas()));
                yield new Condition.AreaIn(ids(value, vocabulary.areas().keySet(), "area"), Map.copyOf(byProcedure));
            }
            case "concern" -> new Condition.ConcernIn(ids(value, vocabulary.concerns().keySet(), "concern"));
            default -> throw node.error("unknown condition '" + only.getKey() + "'");
        };
    }

    // ---- small shapes --------------------------------------------------------------------------

    private Set<String> ids(Node node, Set<String> known, String what) {
        return node.listOrOne().stream().map(n -> n.oneOf(known, what)).collect(Collectors.toUnmodifiableSet());
    }

    private Set<Sex> sexes(Node node) {
        Set<String> names = orderedSet("female", "male", "other", "unknown");
        return node.listOrOne().stream()
                .map(n -> Sex.valueOf(n.oneOf(names, "sex").toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sex.class)));
    }

    /** {@code { days: 14 }}, {@code { months: 6 }}: exactly one unit. */
    private Condition.Window window(Node node) {
        Map<String, Node> units = node.object(orderedSet("days", "weeks", "months"));
        if (units.size() != 1) {
            throw node.error("a window has exactly one of days, weeks, months");
        }
        Map.Entry<String, Node> only = units.entrySet().iterator().next();
        int amount = only.getValue().integer();
        if (amount <= 0) {
            throw only.getValue().error("a window must be longer than zero");
        }
        return new Condition.Window(amount, java.time.temporal.ChronoUnit.valueOf(only.getKey().toUpperCase(java.util.Locale.ROOT)));
    }

    private Range range(Node node) {
        node.object(orderedSet("min", "max"));
        int min = node.required("min").integer();
        int max = node.required("max").integer();
        if (min < 0 || min > max) {
            throw node.error("expected 0 <= min <= max");
        }
        return new Range(min, max);
    }

    private String source(Node node) {
        String id = node.oneOf(sources.keySet(), "source");
        return sources.get(id);
    }

    /** A text in every language of the rule set, no more and no fewer. */
    private Localized localized(Node node) {
        Map<String, Node> texts = node.entries();
        Map<String, String> out = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            if (!languages.contains(language)) {
                throw text.keyError("unknown language '" + language + "'; the rule set has " + languages);
            }
            out.put(language, text.text());
        });
        for (String language : languages) {
            if (!out.containsKey(language)) {
                throw node.error("missing the '" + language + "' text");
            }
        }
        return new Localized(out, languages.get(0));
    }

    private static Set<String> orderedSet(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
