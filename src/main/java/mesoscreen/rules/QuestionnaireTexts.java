package mesoscreen.rules;

import java.util.List;
import java.util.Map;
import mesoscreen.text.Localized;

/**
 * The texts of the questionnaire that are not questions: group titles in form order, labels of
 * the intake's own fields, and the option labels for sex and for yes / no / unknown.
 */
public record QuestionnaireTexts(List<Group> groups, Map<String, Field> fields, Map<String, Localized> sexes,
                                 Map<String, Localized> answers) {

    public record Group(String id, Localized title) {
    }

    /** {@code help} may be null. */
    public record Field(Localized label, Localized help) {
    }
}
