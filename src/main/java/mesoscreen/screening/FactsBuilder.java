package mesoscreen.screening;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Facts;
import mesoscreen.rules.Question;
import mesoscreen.rules.RuleSet;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.vocabulary.Lexicon;

/**
 * Turns a validated intake into canonical {@link Facts}: answers completed with "unknown" (or "no"
 * where a question does not apply to the patient), coded and free-text entries resolved through the
 * vocabulary. An entry that resolves to nothing is kept as {@link Unrecognized}, never dropped.
 */
final class FactsBuilder {
    private final RuleSet rules;
    private final List<Unrecognized> unrecognized = new ArrayList<>();

    private FactsBuilder(RuleSet rules) {
        this.rules = rules;
    }

    record Built(Facts facts, List<Unrecognized> unrecognized) {
    }

    static Built build(Intake intake, RuleSet rules, LocalDate today) {
        return new FactsBuilder(rules).facts(intake, today);
    }

    private Built facts(Intake intake, LocalDate today) {
        Intake.Patient patient = intake.patient();
        Sex sex = patient == null || patient.sex() == null ? Sex.UNKNOWN : patient.sex();
        Integer age = patient == null ? null : patient.age();
        if (age == null && patient != null && patient.birthDate() != null) {
            LocalDate on = intake.plannedDate() != null ? intake.plannedDate() : today;
            age = Math.max(0, Period.between(patient.birthDate(), on).getYears());
        }
        Map<String, Facts.Stated> answers = new LinkedHashMap<>();
        for (Question question : rules.questions().values()) {
            answers.put(question.id(), stated(question, intake.answers().get(question.id()), sex));
        }
        Map<String, List<String>> conditions = resolve("conditions", intake.conditions(), rules.vocabulary().conditions());
        Map<String, List<String>> medications = resolve("medications",
                intake.medications().stream().map(Intake.Medication::entry).toList(), rules.vocabulary().medications());
        Map<String, List<String>> allergens = resolve("allergies", intake.allergies(), rules.vocabulary().allergens());
        for (int i = 0; i < intake.recentProcedures().size(); i++) {
            unrecognized.add(new Unrecognized("recentProcedures[" + i + "]",
                    "'" + intake.recentProcedures().get(i).type() + "'"));
        }
        Facts facts = new Facts(intake.procedure(), age, sex, answers, conditions, medications, allergens,
                new LinkedHashSet<>(intake.areas()), new LinkedHashSet<>(intake.concerns()));
        return new Built(facts, List.copyOf(unrecognized));
    }

    private static Facts.Stated stated(Question question, Answer given, Sex sex) {
        if (given != null) {
            return new Facts.Stated(given, "answers." + question.id() + " = " + given.json());
        }
        return question.appliesTo(sex)
                ? new Facts.Stated(Answer.UNKNOWN, "answers." + question.id() + " not given")
                : new Facts.Stated(Answer.NO, "answers." + question.id() + " not asked: patient.sex = " + sex.json());
    }

    /** Canonical id to the evidence naming it, e.g. {@code conditions[0] icd-10 D66 = bleeding-disorder}. */
    private Map<String, List<String>> resolve(String field, List<Intake.Entry> entries, Lexicon lexicon) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Intake.Entry entry = entries.get(i);
            String path = field + "[" + i + "]";
            boolean matched = false;
            if (entry.code() != null && entry.system() != null) {
                String system = CodeSystems.alias(entry.system()).orElse(null);
                String id = system == null ? null : lexicon.byCode(system, entry.code());
                if (id != null) {
                    found.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(path + " " + system + " " + entry.code().trim() + " = " + id);
                    matched = true;
                }
            }
            if (entry.text() != null && !entry.text().isBlank()) {
                for (Map.Entry<String, String> hit : lexicon.byText(entry.text()).entrySet()) {
                    found.computeIfAbsent(hit.getKey(), k -> new ArrayList<>())
                            .add(path + " '" + entry.text().strip() + "' = " + hit.getKey());
                    matched = true;
                }
            }
            if (!matched) {
                unrecognized.add(new Unrecognized(path, describe(entry)));
            }
        }
        return found;
    }

    private static String describe(Intake.Entry entry) {
        if (entry.text() != null && !entry.text().isBlank()) {
            return "'" + entry.text().strip() + "'";
        }
        return entry.system() + " " + entry.code();
    }
}
