package mesoscreen.rules.load;

import mesoscreen.text.Ordered;
import static mesoscreen.rules.load.Reading.orderedSet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mesoscreen.intake.IntakeField;
import mesoscreen.rules.Node;
import mesoscreen.rules.QuestionnaireTexts;
import mesoscreen.text.Localized;

/**
 * Reads questionnaire.yaml: the groups in form order, the labels of the intake's own fields and of the
 * options; then checks that every question names one of the groups.
 */
final class QuestionnaireReader {
    /** Intake fields the questionnaire labels; each must have its text. */
    private static final List<String> FIELDS = Arrays.stream(IntakeField.values()).map(IntakeField::id).toList();

    private QuestionnaireReader() {
    }

    static QuestionnaireTexts read(Reading reading, Map<String, Node> questionNodes) {
        Node doc = reading.root("questionnaire.yaml", true);
        if (doc == null) {
            return new QuestionnaireTexts(List.of(), Map.of(), Map.of(), Map.of());
        }
        QuestionnaireTexts texts = reading.problems().attempt(() -> {
            doc.object(orderedSet("groups", "fields", "options"));
            List<QuestionnaireTexts.Group> groups = doc.required("groups").list().stream().map(group -> {
                group.object(orderedSet("id", "title"));
                return new QuestionnaireTexts.Group(group.required("id").text(),
                        reading.localized(group.required("title")));
            }).toList();
            neededGroups(doc.required("groups"), groups, reading.problems());
            Map<String, QuestionnaireTexts.Field> fields = new LinkedHashMap<>();
            Node fieldNodes = doc.required("fields");
            fieldNodes.object(new LinkedHashSet<>(FIELDS));
            for (String field : FIELDS) {
                Node text = fieldNodes.required(field);
                text.object(orderedSet("label", "help"));
                fields.put(field, new QuestionnaireTexts.Field(reading.localized(text.required("label")),
                        reading.optionalLocalized(text.get("help"))));
            }
            Node options = doc.required("options");
            options.object(orderedSet("sex", "answer"));
            Map<String, Localized> sexes = options(reading, options.required("sex"),
                    orderedSet("female", "male", "other", "unknown"));
            Map<String, Localized> answers = options(reading, options.required("answer"), orderedSet("yes", "no", "unknown"));
            return new QuestionnaireTexts(groups, Ordered.copy(fields), sexes, answers);
        });
        if (texts != null) {
            Set<String> groupIds = texts.groups().stream().map(QuestionnaireTexts.Group::id).collect(Collectors.toSet());
            questionNodes.forEach((id, node) -> {
                if (!groupIds.contains(node.get("group").value().asText())) {
                    reading.problems().attempt(() -> node.get("group").oneOf(groupIds, "group"));
                }
            });
        }
        return texts;
    }

    /** The groups where the questionnaire asks the intake's own fields must be there. */
    private static void neededGroups(Node node, List<QuestionnaireTexts.Group> groups, Problems problems) {
        Set<String> ids = groups.stream().map(QuestionnaireTexts.Group::id).collect(Collectors.toSet());
        for (String needed : IntakeField.groups()) {
            if (!ids.contains(needed)) {
                List<String> fields = Arrays.stream(IntakeField.values()).filter(f -> needed.equals(f.group()))
                        .map(IntakeField::id).toList();
                problems.add(node.error("no group '" + needed + "', where the questionnaire asks "
                        + String.join(", ", fields)).error());
            }
        }
    }

    /** Labels of a closed set of options: exactly those codes. */
    private static Map<String, Localized> options(Reading reading, Node node, Set<String> codes) {
        node.object(codes);
        Map<String, Localized> out = new LinkedHashMap<>();
        for (String code : codes) {
            out.put(code, reading.localized(node.required(code)));
        }
        return Ordered.copy(out);
    }
}
