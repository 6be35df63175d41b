package mesoscreen.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mesoscreen.intake.Intake;
import mesoscreen.rules.Finding;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.Eligibility;
import mesoscreen.screening.Screener;
import mesoscreen.screening.Verdict;

/**
 * {@code impact OLD NEW [--intakes DIR] [--clinics DIR [--old-clinics DIR]]}: screens one corpus against two
 * rule sets with the service's engine and reports every verdict that changes; with clinics, a report per
 * clinic follows. NEW may be a clinic's overlay (a folder with clinic.yaml): then the report is what the
 * clinic changes of OLD. A change toward a more permissive verdict needs a physician's sign-off, so it is
 * flagged and makes the exit code 3.
 */
final class Impact {
    /** What one rule set makes of one intake for one procedure: a verdict, or a rejected request. */
    record Outcome(String verdict, int strictness, Map<String, String> findings) {
        /** A request the rule set refuses (unknown answer, procedure...): stricter than any verdict. */
        static final Outcome REJECTION = new Outcome("REJECTED", Eligibility.values().length, Map.of());
    }

    /** A verdict that changed. */
    record Change(String intake, String procedure, Outcome before, Outcome after) {
        boolean morePermissive() {
            return after.strictness() < before.strictness();
        }

        /** The rules whose findings differ, e.g. "bleeding-disorder: absolute → relative". */
        List<String> rules() {
            Set<String> ids = new LinkedHashSet<>(before.findings().keySet());
            ids.addAll(after.findings().keySet());
            List<String> out = new ArrayList<>();
            for (String id : ids) {
                String was = before.findings().getOrDefault(id, "clear");
                String is = after.findings().getOrDefault(id, "clear");
                if (!was.equals(is)) {
                    out.add(id + ": " + was + " → " + is);
                }
            }
            return out;
        }
    }

    private final Offline offline;
    private final PrintStream out;

    Impact(Offline offline, PrintStream out) {
        this.offline = offline;
        this.out = out;
    }

    /**
     * @param clinics    with it, a report per clinic follows the base one: the clinic's overlay on OLD against
     *                   its overlay on NEW
     * @param oldClinics the clinics' overlays on the OLD side, when they changed too; else {@code clinics}
     */
    int run(Path oldFolder, Path newFolder, Path intakes, Path clinics, Path oldClinics) {
        if (Offline.isClinic(newFolder) && !Offline.isClinic(oldFolder)) {
            // A clinic against its base: what the clinic changed.
            return report(oldFolder.toString(), offline.load(oldFolder, out),
                    "clinic " + newFolder.getFileName() + " (" + newFolder + " over " + oldFolder + ")",
                    offline.loadClinic(oldFolder, newFolder, out), intakes);
        }
        int code = report(oldFolder.toString(), offline.load(oldFolder, out), newFolder.toString(),
                offline.load(newFolder, out), intakes);
        Path before = oldClinics != null ? oldClinics : clinics;
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        if (clinics != null) {
            ids.addAll(mesoscreen.screening.RuleSetRegistry.clinicIds(clinics));
        }
        if (before != null) {
            ids.addAll(mesoscreen.screening.RuleSetRegistry.clinicIds(before));
        }
        for (String clinic : ids) {
            out.println();
            boolean hadOverlay = before != null && java.nio.file.Files.isDirectory(before.resolve(clinic));
            boolean hasOverlay = clinics != null && java.nio.file.Files.isDirectory(clinics.resolve(clinic));
            RuleSet older = hadOverlay ? offline.loadClinic(oldFolder, before.resolve(clinic), out) : offline.load(oldFolder, out);
            RuleSet newer = hasOverlay ? offline.loadClinic(newFolder, clinics.resolve(clinic), out) : offline.load(newFolder, out);
            code = worst(code, report("clinic " + clinic + " on " + oldFolder, older, "clinic " + clinic + " on "
                    + newFolder, newer, intakes));
        }
        return code;
    }

    /** The exit code that says the most: a folder that does not load, then a more permissive verdict. */
    private static int worst(int a, int b) {
        if (a == Commands.RULES_DO_NOT_LOAD || b == Commands.RULES_DO_NOT_LOAD) {
            return Commands.RULES_DO_NOT_LOAD;
        }
        if (a == Commands.USAGE || b == Commands.USAGE) {
            return Commands.USAGE;
        }
        return Math.max(a, b);
    }

    /** One report: the corpus of both sets screened against each; its exit code. */
    private int report(String oldName, RuleSet older, String newName, RuleSet newer, Path intakes) {
        long start = System.nanoTime();
        if (older == null || newer == null) {
            return Commands.RULES_DO_NOT_LOAD;
        }
        Corpus corpus = new Corpus(offline.json, offline.today);
        corpus.examples(older, "old");
        corpus.examples(newer, "new");
        corpus.generated(older, newer);
        try {
            if (intakes != null) {
                corpus.intakes(intakes);
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            out.println("ERROR: " + e.getMessage());
            return Commands.USAGE;
        }
        List<String> procedures = Corpus.procedures(older, newer);
        List<Change> changes = new ArrayList<>();
        int screened = 0;
        for (Corpus.Case each : corpus.cases()) {
            ObjectNode before = each.intake().apply(older);
            Map<String, Outcome> was = screen(older, before);
            Map<String, Outcome> is = screen(newer, each.intake().apply(newer));
            List<String> named = before.hasNonNull("procedure") ? List.of(before.get("procedure").asText()) : procedures;
            for (String procedure : named) {
                Outcome from = was.getOrDefault(procedure, Outcome.REJECTION);
                Outcome to = is.getOrDefault(procedure, Outcome.REJECTION);
                screened++;
                if (!from.verdict().equals(to.verdict())) {
                    changes.add(new Change(each.name(), procedure, from, to));
                }
            }
        }
        new ImpactReport(out).print(oldName, older, newName, newer, corpus.cases().size(), screened, changes,
                (System.nanoTime() - start) / 1_000_000);
        return changes.stream().anyMatch(Change::morePermissive) ? Commands.MORE_PERMISSIVE : Commands.OK;
    }

    /**
     * Screens as a request is screened (read strictly, validated, evaluated), for every procedure of the
     * catalogue at once; a procedure missing from the result is one whose request the rule set rejects.
     */
    private Map<String, Outcome> screen(RuleSet rules, ObjectNode intake) {
        Intake read;
        try {
            read = offline.json.treeToValue(intake, Intake.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        if (!offline.validator.validate(read, rules, offline.today).isEmpty()) {
            return Map.of();
        }
        Map<String, Outcome> out = new LinkedHashMap<>();
        Screener.verdicts(read, rules, offline.today).forEach((procedure, verdict) -> out.put(procedure,
                new Outcome(verdict.eligibility().name(), verdict.eligibility().ordinal(), findings(verdict, rules))));
        return out;
    }

    /** Rule id to what it found: its severity or kind, and "unknown" when answers were missing. */
    private static Map<String, String> findings(Verdict verdict, RuleSet rules) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Finding> known = new ArrayList<>(verdict.contraindications());
        known.addAll(verdict.precautions());
        known.addAll(verdict.notes());
        for (Finding finding : known) {
            out.put(finding.rule().id(), label(finding.rule())
                    + (finding.truth() == mesoscreen.rules.condition.Truth.TRUE ? "" : " (unknown)"));
        }
        verdict.missing().values().forEach(ids -> ids.forEach(id ->
                rules.rule(id).ifPresent(rule -> out.putIfAbsent(id, label(rule) + " (unknown)"))));
        return out;
    }

    private static String label(Rule rule) {
        return rule.severity() != null ? rule.severity().json() : rule.kind().json();
    }
}
