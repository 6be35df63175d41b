package mesoscreen.questionnaire;

import java.util.List;
import mesoscreen.text.Localized;

/**
 * The intake questionnaire for one procedure (or for all), derived from the rules: an item exists
 * because a rule that applies reads it. Rendered as JSON for web forms and as a FHIR Questionnaire.
 *
 * @param procedure the procedure it is for, or null for the whole catalogue
 */
public record Questionnaire(String procedure, List<Group> groups) {

    public record Group(String id, Localized title, List<Item> items) {
    }

    /**
     * One thing to ask.
     *
     * @param id        the question id (an {@code answers} key) or the intake field ("patient.age")
     * @param intake    where the answer goes in an intake, for web forms that build one
     * @param required  needed to clear the patient: a contraindication stays unknown without it
     * @param repeats   more than one answer allowed (lists, several concerns)
     * @param options   for choices: the allowed codes with their labels
     * @param shownWhen empty when always shown; else shown when any of these holds
     * @param items     the parts of a repeating group (a recent procedure: type and date)
     */
    public record Item(String id, Type type, String intake, Localized label, Localized help, boolean required,
                       boolean repeats, List<Option> options, List<ShownWhen> shownWhen, List<Item> items) {
    }

    public enum Type {
        YES_NO_UNKNOWN, INTEGER, DATE, CHOICE, TEXT, GROUP;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** An allowed answer: a code of {@code system} ("answer", "sex", "concern", ...) and its label. */
    public record Option(String system, String code, Localized label) {
    }

    /** Shown when the item {@code question} has one of these answer codes, or (if so) none at all. */
    public record ShownWhen(String question, List<String> answers, boolean orUnanswered) {
    }
}
