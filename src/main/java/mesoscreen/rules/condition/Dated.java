package mesoscreen.rules.condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mesoscreen.intake.Answer;
import mesoscreen.intake.IntakeField;
import mesoscreen.rules.Facts;

/** The predicates whose truth ends on a date: a medication stopped, a procedure done, less than a window ago. */
final class Dated {
    private Dated() {
    }

    static Result takesMedication(Condition.TakesMedication condition, Facts facts) {
        List<Facts.Medication> entries = facts.medications().getOrDefault(condition.medicationClass(), List.of());
        if (entries.isEmpty() && condition.askedBy() != null) {
            Facts.Stated stated = facts.answers().get(condition.askedBy());
            return stated.answer() == Answer.UNKNOWN ? Result.unknown(condition.askedBy())
                    : Result.decided(stated.answer() == Answer.YES, stated.evidence());
        }
        if (condition.stoppedWithin() == null) {
            List<String> evidence = new ArrayList<>(entries.size());
            entries.forEach(entry -> evidence.add(entry.evidence()));
            return Result.decided(!entries.isEmpty(), evidence);
        }
        List<String> evidence = new ArrayList<>();
        LocalDate until = null;
        boolean current = false;
        for (Facts.Medication entry : entries) {
            if (entry.stoppedOn() == null) {
                current = true;
                evidence.add(entry.evidence() + ", taken now");
            } else if (condition.stoppedWithin().after(entry.stoppedOn()).isAfter(facts.plannedDate())) {
                LocalDate end = condition.stoppedWithin().after(entry.stoppedOn());
                until = until == null || end.isAfter(until) ? end : until;
                evidence.add(entry.evidence() + ", stopped on " + entry.stoppedOn() + ": less than "
                        + condition.stoppedWithin() + " before " + facts.plannedDate());
            }
        }
        return evidence.isEmpty() ? Result.decided(false, List.of())
                : Result.trueUntil(current ? null : until, evidence);
    }

    /** {@link #takesMedication}'s truth alone: without a window, without building its evidence. */
    static Truth takesMedicationTruth(Condition.TakesMedication condition, Facts facts) {
        if (condition.stoppedWithin() != null) {
            return takesMedication(condition, facts).truth();
        }
        List<Facts.Medication> entries = facts.medications().get(condition.medicationClass());
        if (entries != null && !entries.isEmpty()) {
            return Truth.TRUE;
        }
        if (condition.askedBy() == null) {
            return Truth.FALSE;
        }
        return Truth.of(facts.answers().get(condition.askedBy()).answer());
    }

    static Result recentProcedure(Condition.RecentProcedureWithin condition, Facts facts) {
        // A "yes" is explained only by an entry of a type the question asks about (across all its rules).
        boolean explained = false;
        for (Facts.RecentProcedure done : facts.recentProcedures()) {
            explained |= condition.askedTypes().contains(done.type());
        }
        if (!explained) {
            Facts.Stated stated = facts.answers().get(condition.askedBy());
            return switch (stated.answer()) {
                case NO -> Result.decided(false, stated.evidence());
                case YES -> Result.unknown(IntakeField.RECENT_PROCEDURES.id());
                case UNKNOWN -> Result.unknown(condition.askedBy());
            };
        }
        List<String> evidence = new ArrayList<>();
        LocalDate until = null;
        for (Facts.RecentProcedure done : facts.recentProcedures()) {
            Window window = condition.within().get(done.type());
            if (window != null && window.after(done.date()).isAfter(facts.plannedDate())) {
                LocalDate end = window.after(done.date());
                until = until == null || end.isAfter(until) ? end : until;
                evidence.add(done.evidence() + ": less than " + window + " before " + facts.plannedDate());
            }
        }
        return evidence.isEmpty() ? Result.decided(false, List.of()) : Result.trueUntil(until, evidence);
    }
}
