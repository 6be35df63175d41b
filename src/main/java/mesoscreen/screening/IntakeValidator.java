package mesoscreen.screening;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import mesoscreen.vocabulary.CodeSystems;
import mesoscreen.text.Suggestions;

/**
 * Checks an intake against its annotations and against the ids of the rule set, collecting every
 * violation with its JSON path. A misspelt name is rejected with a suggestion, never ignored:
 * an answer we cannot read must not count as "no".
 */
public final class IntakeValidator {
    private final Validator validator;

    public IntakeValidator(Validator validator) {
        this.validator = validator;
    }

    /** Every violation of {@code intake}; {@code today} dates the age of a patient with no planned date. */
    public List<Violation> validate(Intake intake, RuleSet rules, java.time.LocalDate today) {
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<Intake> violation : validator.validate(intake)) {
            out.add(new Violation(jsonPath(violation.getPropertyPath()), "invalid-value", violation.getMessage()));
        }
        unknownProcedure(intake.procedure(), rules).ifPresent(out::add);
        intake.answers().forEach((key, answer) -> {
            String path = "answers." + key;
            if (known(out, path, key, rules.questions().keySet(), "unknown-answer", "answer") && answer == null) {
                out.add(new Violation(path, "invalid-value", "must be \"yes\", \"no\" or \"unknown\""));
            }
        });
        entries(out, "conditions", intake.conditions().stream().map(e -> e).toList());
        entries(out, "medications", intake.medications().stream().map(m -> m == null ? null : m.entry()).toList());
        entries(out, "allergies", intake.allergies());
        ids(out, "concerns", intake.concerns(), rules.vocabulary().concerns().keySet(), "unknown-concern", "concern");
        ids(out, "areas", intake.areas(), rules.vocabulary().areas().keySet(), "unknown-area", "area");
        for (int i = 0; i < intake.recentProcedures().size(); i++) {
            Intake.RecentProcedure done = intake.recentProcedures().get(i);
            if (done != null && done.type() != null) {
                known(out, "recentProcedures[" + i + "].type", done.type(), rules.vocabulary().procedureTypes().keySet(),
                        "unknown-procedure-type", "procedure type");
            }
        }
        dates(out, intake);
        Intake.Patient patient = intake.patient();
        if (patient != null && patient.age() != null && patient.birthDate() != null) {
            java.time.LocalDate on = intake.plannedDate() != null ? intake.plannedDate() : today;
            int computed = java.time.Period.between(patient.birthDate(), on).getYears();
            // Both may be given (forms often ask both); they must tell the same age.
            if (computed != patient.age()) {
                out.add(new Violation("patient", "conflicting-values",
                        "'age' and 'birthDate' give different ages; give one, or both alike"));
            }
        }
        out.sort(Comparator.comparing(Violation::path));
        return out;
    }

    /**
     * Dates are RFC 3339 full dates (four-digit years), as the contract says; the JSON reader also takes
     * "+999999999-12-31", whose deferral windows and course dates would run past the last date there is.
     */
    private static void dates(List<Violation> out, Intake intake) {
        date(out, "plannedDate", intake.plannedDate());
        if (intake.patient() != null) {
            date(out, "patient.birthDate", intake.patient().birthDate());
        }
        for (int i = 0; i < intake.medications().size(); i++) {
            if (intake.medications().get(i) != null) {
                date(out, "medications[" + i + "].stoppedOn", intake.medications().get(i).stoppedOn());
            }
        }
        for (int i = 0; i < intake.recentProcedures().size(); i++) {
            if (intake.recentProcedures().get(i) != null) {
                date(out, "recentProcedures[" + i + "].date", intake.recentProcedures().get(i).date());
            }
        }
    }

    private static void date(List<Violation> out, String path, java.time.LocalDate date) {
        if (date != null && (date.getYear() < 0 || date.getYear() > 9999)) {
            out.add(new Violation(path, "invalid-value", "must be a date as YYYY-MM-DD"));
        }
    }

    /** The violation of a procedure id that is not in the catalogue; none for null (the whole catalogue). */
    public static java.util.Optional<Violation> unknownProcedure(String procedure, RuleSet rules) {
        List<Violation> out = new ArrayList<>();
        if (procedure != null && !rules.procedures().containsKey(procedure)) {
            String hint = Suggestions.didYouMean(procedure, rules.procedures().keySet());
            // A procedure the clinic does not offer may be no near miss: the detail names what it offers.
            out.add(new Violation("procedure", "unknown-procedure", "unknown procedure '" + Suggestions.shown(procedure)
                    + "'" + (hint.isEmpty() ? "; " + (rules.clinic() == null ? "the catalogue has " : "this clinic offers ")
                    + String.join(", ", rules.procedures().keySet()) : hint)));
        }
        return out.stream().findFirst();
    }

    private static void ids(List<Violation> out, String field, List<String> values, Collection<String> known,
                            String code, String what) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                known(out, field + "[" + i + "]", values.get(i), known, code, what);
            }
        }
    }

    private static boolean known(List<Violation> out, String path, String value, Collection<String> known,
                                 String code, String what) {
        if (known.contains(value)) {
            return true;
        }
        out.add(new Violation(Suggestions.shown(path), code,
                "unknown " + what + " '" + Suggestions.shown(value) + "'" + Suggestions.didYouMean(value, known)));
        return false;
    }

    private static void entries(List<Violation> out, String field, List<Intake.Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Intake.Entry entry = entries.get(i);
            if (entry == null) {
                continue;
            }
            String path = field + "[" + i + "]";
            boolean coded = entry.code() != null && !entry.code().isBlank();
            boolean system = entry.system() != null && !entry.system().isBlank();
            boolean text = entry.text() != null && !entry.text().isBlank();
            if (coded != system) {
                out.add(new Violation(path + (coded ? ".system" : ".code"), "incomplete-entry",
                        "a coded entry needs both 'system' and 'code'"));
            } else if (!coded && !text) {
                out.add(new Violation(path, "incomplete-entry", "give 'system' and 'code', or 'text'"));
            }
            if (system && CodeSystems.alias(entry.system()).isEmpty() && !CodeSystems.looksLikeUri(entry.system())) {
                known(out, path + ".system", entry.system(), CodeSystems.aliases(), "unknown-code-system", "code system");
            }
        }
    }

    /** "conditions[0].code" from a bean path, whose node names are the JSON names of our records. */
    private static String jsonPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                out.append('.').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                out.append(out.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return out.toString();
    }
}
