package mesoscreen.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.intake.Violation;
import mesoscreen.rules.Question;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.IntakeSource;
import mesoscreen.text.Suggestions;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads an R4 QuestionnaireResponse, as a form renderer emits it, into an {@link Intake}: linkIds
 * are our question ids and intake fields; answers may be codings, booleans, dates, integers or
 * strings. An item we do not know, or an answer we cannot read, is a violation (never skipped).
 */
public final class QuestionnaireResponseReader {
    private final RuleSet rules;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<Intake.Entry> conditions = new ArrayList<>();
    private final List<Intake.Medication> medications = new ArrayList<>();
    private final List<Intake.Entry> allergies = new ArrayList<>();
    private final List<Intake.RecentProcedure> recentProcedures = new ArrayList<>();
    private final List<String> concerns = new ArrayList<>();
    private final List<String> areas = new ArrayList<>();
    private final Map<String, String> stopDates = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> answered = new java.util.HashSet<>();
    private Integer age;
    private LocalDate birthDate;
    private Sex sex;
    private LocalDate plannedDate;

    private QuestionnaireResponseReader(RuleSet rules) {
        this.rules = rules;
        for (Question question : rules.questions().values()) {
            if (question.followUp() instanceof Question.FollowUp.StopDate stop) {
                stopDates.put(stop.id(), stop.medication());
            }
        }
        known.addAll(rules.questions().keySet());
        known.addAll(stopDates.keySet());
        known.addAll(List.of("patient.age", "patient.birthDate", "patient.sex", "plannedDate", "conditions",
                "medications", "allergies", "recentProcedures", "concerns", "areas"));
    }

    /** The intake, or the violations that stop it being read. */
    public static IntakeSource.Read read(QuestionnaireResponse response, RuleSet rules, String procedure) {
        QuestionnaireResponseReader reader = new QuestionnaireResponseReader(rules);
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        for (int i = 0; i < items.size(); i++) {
            reader.item(items.get(i), "QuestionnaireResponse.item[" + i + "]");
        }
        Intake intake = new Intake(procedure, reader.plannedDate,
                reader.age == null && reader.birthDate == null && reader.sex == null ? null
                        : new Intake.Patient(reader.age, reader.birthDate, reader.sex),
                reader.answers, reader.conditions, reader.medications, reader.allergies, reader.concerns, reader.areas,
                reader.recentProcedures);
        return reader.violations.isEmpty() ? IntakeSource.Read.of(intake) : IntakeSource.Read.rejected(reader.violations);
    }

    private void item(QuestionnaireResponseItemComponent item, String path) {
        String id = item.getLinkId();
        List<QuestionnaireResponseItemAnswerComponent> values = item.getAnswer();
        if (id == null) {
            violation(path, "missing-link-id", "an item needs its linkId");
            return;
        }
        if (id.startsWith(FhirQuestionnaires.GROUP_PREFIX) || id.endsWith(FhirQuestionnaires.HELP_SUFFIX)) {
            if (!values.isEmpty()) {
                violation(path + ".answer", "invalid-value", "a group or display item takes no answer");
            }
            children(item.getItem(), path);
            return;
        }
        if (id.equals("recentProcedures")) {
            recentProcedure(item, path);
            return;
        }
        // Answers may nest items under a question; every one is read, none is skipped.
        children(item.getItem(), path);
        if (!known.contains(id)) {
            violation(path + ".linkId", "unknown-item", "unknown item '" + Suggestions.shown(id) + "'"
                    + Suggestions.didYouMean(id, known));
            return;
        }
        if (values.isEmpty()) {
            return;
        }
        if (!answered.add(id) && !REPEATABLE.contains(id)) {
            // A second, different answer must not quietly replace the first.
            violation(path + ".linkId", "duplicate-item", "'" + id + "' is answered more than once");
            return;
        }
        Question question = rules.questions().get(id);
        if (question != null) {
            single(values, path).ifPresent(v -> answer(id, v, path));
            return;
        }
        if (stopDates.containsKey(id)) {
            single(values, path).ifPresent(v -> date(v, path + ".answer[0]")
                    .ifPresent(date -> medications.add(new Intake.Medication(null, null, stopDates.get(id), date))));
            return;
        }
        switch (id) {
            case "patient.age" -> single(values, path).ifPresent(v -> age = integer(v, path + ".answer[0]"));
            case "patient.birthDate" -> single(values, path).ifPresent(v -> birthDate = date(v, path + ".answer[0]").orElse(null));
            case "patient.sex" -> single(values, path).ifPresent(v -> sex = sex(v, path + ".answer[0]"));
            case "plannedDate" -> single(values, path).ifPresent(v -> plannedDate = date(v, path + ".answer[0]").orElse(null));
            case "conditions" -> entries(values, path).forEach(conditions::add);
            case "allergies" -> entries(values, path).forEach(allergies::add);
            case "medications" -> entries(values, path)
                    .forEach(e -> medications.add(new Intake.Medication(e.system(), e.code(), e.text(), null)));
            case "concerns" -> codes(values, path).forEach(concerns::add);
            case "areas" -> codes(values, path).forEach(areas::add);
            default -> throw new IllegalStateException("a known item without a reader: " + id);
        }
    }

    private void children(List<QuestionnaireResponseItemComponent> children, String path) {
        for (int i = 0; i < children.size(); i++) {
            item(children.get(i), path + ".item[" + i + "]");
        }
    }

    /** One instance of the repeating group: a type and a date. */
    private void recentProcedure(QuestionnaireResponseItemComponent group, String path) {
        String type = null;
        LocalDate date = null;
        for (int i = 0; i < group.getItem().size(); i++) {
            QuestionnaireResponseItemComponent part = group.getItem().get(i);
            String partPath = path + ".item[" + i + "]";
            var value = single(part.getAnswer(), partPath);
            switch (part.getLinkId() == null ? "" : part.getLinkId()) {
                case "recentProcedures.type" -> type = value.map(v -> code(v, partPath + ".answer[0]")).orElse(null);
                case "recentProcedures.date" -> date = value.flatMap(v -> date(v, partPath + ".answer[0]")).orElse(null);
                case "recentProcedures.help", "recentProcedures.type.help", "recentProcedures.date.help" -> { }
                default -> violation(partPath + ".linkId", "unknown-item", "unknown item '"
                        + Suggestions.shown(String.valueOf(part.getLinkId()))
                        + "' in recentProcedures; expected recentProcedures.type and recentProcedures.date");
            }
        }
        if (type == null && date == null) {
            return;
        }
        if (type == null || date == null) {
            violation(path, "incomplete-entry", "a recent procedure needs both its type and its date");
            return;
        }
        recentProcedures.add(new Intake.RecentProcedure(type, date));
    }

    private void answer(String id, Type value, String path) {
        String code = value instanceof BooleanType b ? (b.booleanValue() ? "yes" : "no") : code(value, path + ".answer[0]");
        if (code == null) {
            return;
        }
        switch (code) {
            case "yes", "Y" -> answers.put(id, Answer.YES);
            case "no", "N" -> answers.put(id, Answer.NO);
            case "unknown", "UNK", "asked-unknown" -> answers.put(id, Answer.UNKNOWN);
            default -> violation(path + ".answer[0]", "invalid-value", "must be yes, no or unknown");
        }
    }

    private java.util.Optional<Type> single(List<QuestionnaireResponseItemAnswerComponent> values, String path) {
        if (values.size() > 1) {
            violation(path + ".answer", "invalid-value", "takes one answer");
            return java.util.Optional.empty();
        }
        return values.isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(values.get(0).getValue());
    }

    /** A code from a coding or a string. */
    private String code(Type value, String path) {
        if (value instanceof Coding coding && coding.hasCode()) {
            return coding.getCode();
        }
        if (value instanceof StringType text && !text.isEmpty()) {
            return text.getValue().trim();
        }
        violation(path, "wrong-type", "expected a coding or a string");
        return null;
    }

    private Integer integer(Type value, String path) {
        if (value instanceof IntegerType integer) {
            return integer.getValue();
        }
        if (value instanceof DecimalType decimal && decimal.getValue().stripTrailingZeros().scale() <= 0) {
            try {
                return decimal.getValue().intValueExact();
            } catch (ArithmeticException tooLarge) {
                violation(path, "invalid-value", "must be a whole number from 0 to 130");
                return null;
            }
        }
        violation(path, "wrong-type", "expected a whole number (valueInteger)");
        return null;
    }

    private java.util.Optional<LocalDate> date(Type value, String path) {
        if (value instanceof DateType date && date.getValue() != null
                && date.getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return java.util.Optional.of(LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()));
        }
        if (value instanceof org.hl7.fhir.r4.model.DateTimeType dateTime && dateTime.getValue() != null) {
            return java.util.Optional.of(dateTime.getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        }
        violation(path, "wrong-type", "expected a full date (valueDate, YYYY-MM-DD)");
        return java.util.Optional.empty();
    }

    private Sex sex(Type value, String path) {
        String code = code(value, path);
        if (code == null) {
            return null;
        }
        try {
            return Sex.valueOf(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            violation(path, "invalid-value", "must be female, male, other or unknown");
            return null;
        }
    }

    /** Free-text or coded entries of a list. */
    private List<Intake.Entry> entries(List<QuestionnaireResponseItemAnswerComponent> values, String path) {
        List<Intake.Entry> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Type value = values.get(i).getValue();
            if (value instanceof StringType text && !text.isEmpty()) {
                out.add(new Intake.Entry(null, null, text.getValue()));
            } else if (value instanceof Coding coding && (coding.hasCode() || coding.hasDisplay())) {
                out.add(coding.hasCode() && coding.hasSystem()
                        ? new Intake.Entry(coding.getSystem(), coding.getCode(), coding.getDisplay())
                        : new Intake.Entry(null, null, coding.hasDisplay() ? coding.getDisplay() : coding.getCode()));
            } else {
                violation(path + ".answer[" + i + "]", "wrong-type", "expected a string or a coding");
            }
        }
        return out;
    }

    private List<String> codes(List<QuestionnaireResponseItemAnswerComponent> values, String path) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String code = code(values.get(i).getValue(), path + ".answer[" + i + "]");
            if (code != null) {
                out.add(code);
            }
        }
        return out;
    }

    /** Items that are lists: several items with the same linkId add up. */
    private static final Set<String> REPEATABLE = Set.of("conditions", "medications", "allergies", "concerns", "areas");

    private void violation(String path, String code, String detail) {
        violations.add(new Violation(path, code, detail));
    }
}
