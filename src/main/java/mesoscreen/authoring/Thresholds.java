package mesoscreen.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.condition.Condition;
import mesoscreen.rules.condition.Window;
import mesoscreen.vocabulary.Lexicon;

/**
 * The numeric bounds the rules themselves state, which is what a clinic most often changes: a window
 * after a medication or a procedure, an age. For each bound of either rule set, {@link Corpus} screens an
 * intake just inside it and one just outside it, on every planned date the examples use (and today), so
 * that moving a bound changes the verdict of at least one intake, whatever the examples still say.
 */
final class Thresholds {
    /** A window after a medication of a class was stopped; {@code term} names it as that set's vocabulary reads it. */
    record MedicationWindow(String medicationClass, Window window, Lexicon.Listing listing) {
    }

    /** A window after a recent procedure of a type. */
    record ProcedureWindow(String type, Window window) {
    }

    private final Set<MedicationWindow> medications = new LinkedHashSet<>();
    private final Set<ProcedureWindow> procedures = new LinkedHashSet<>();
    private final Set<Integer> ages = new TreeSet<>();
    private final Set<LocalDate> plannedDates = new TreeSet<>();

    /** The bounds of both sets, and the planned dates of their examples. */
    static Thresholds of(LocalDate today, RuleSet... sets) {
        Thresholds out = new Thresholds();
        out.plannedDates.add(today);
        for (RuleSet rules : sets) {
            for (Rule rule : rules.rules()) {
                walk(rule.when(), condition -> out.add(condition, rules));
                rule.examples().forEach(example -> out.plannedDate(example.intake()));
            }
        }
        return out;
    }

    List<MedicationWindow> medications() {
        return List.copyOf(medications);
    }

    List<ProcedureWindow> procedures() {
        return List.copyOf(procedures);
    }

    /** Each age bound, the age on either side of it. */
    List<Integer> ages() {
        return List.copyOf(ages);
    }

    List<LocalDate> plannedDates() {
        return List.copyOf(plannedDates);
    }

    /** The last day the window still holds on {@code planned} (inside), or the first it no longer does (outside). */
    static LocalDate start(Window window, LocalDate planned, boolean inside) {
        // Month arithmetic does not round-trip (31 August less 6 months), so step to the boundary by days.
        LocalDate day = planned.minus(window.amount(), window.unit()).minusDays(3);
        while (!window.after(day).isAfter(planned)) {
            day = day.plusDays(1);
        }
        return inside ? day : day.minusDays(1);
    }

    private static void walk(Condition condition, Consumer<Condition> visit) {
        visit.accept(condition);
        if (condition instanceof Condition.All all) {
            all.children().forEach(child -> walk(child, visit));
        } else if (condition instanceof Condition.Any any) {
            any.children().forEach(child -> walk(child, visit));
        } else if (condition instanceof Condition.Not not) {
            walk(not.child(), visit);
        }
    }

    private void add(Condition condition, RuleSet rules) {
        if (condition instanceof Condition.TakesMedication taken && taken.stoppedWithin() != null) {
            listing(rules, taken.medicationClass()).ifPresent(listing ->
                    medications.add(new MedicationWindow(taken.medicationClass(), taken.stoppedWithin(), listing)));
        } else if (condition instanceof Condition.RecentProcedureWithin recent) {
            recent.within().forEach((type, window) -> procedures.add(new ProcedureWindow(type, window)));
        } else if (condition instanceof Condition.AgeBetween age) {
            if (age.min() != null) {
                ages.addAll(List.of(age.min() - 1, age.min()));
            }
            if (age.max() != null) {
                ages.addAll(List.of(age.max(), age.max() + 1));
            }
        }
    }

    /** A free-text term of the class (a code when it has none), as a patient or an EHR would list it. */
    private static java.util.Optional<Lexicon.Listing> listing(RuleSet rules, String medicationClass) {
        List<Lexicon.Listing> of = new ArrayList<>(rules.vocabulary().medications().listings().stream()
                .filter(l -> medicationClass.equals(l.id())).toList());
        return of.stream().filter(l -> l.term() != null).findFirst().or(() -> of.stream().findFirst());
    }

    private void plannedDate(JsonNode intake) {
        JsonNode planned = intake == null ? null : intake.get("plannedDate");
        if (planned != null && planned.isTextual()) {
            try {
                plannedDates.add(LocalDate.parse(planned.asText()));
            } catch (java.time.format.DateTimeParseException e) {
                // an example with a malformed date is the loader's to report
            }
        }
    }
}
