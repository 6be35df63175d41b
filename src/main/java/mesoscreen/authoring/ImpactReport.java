package mesoscreen.authoring;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.rules.RuleSet;

/**
 * The Markdown of an impact run, for a pull request: every changed verdict in a table, then the count
 * of each transition. Changes toward a more permissive verdict are in bold, for a physician to sign off.
 */
final class ImpactReport {
    private final PrintStream out;

    ImpactReport(PrintStream out) {
        this.out = out;
    }

    void print(String oldFolder, RuleSet older, String newFolder, RuleSet newer, int intakes, int screened,
               List<Impact.Change> changes, long millis) {
        long permissive = changes.stream().filter(Impact.Change::morePermissive).count();
        out.println("# Change impact: " + oldFolder + " → " + newFolder);
        out.println();
        out.println("- old: `" + oldFolder + "`, rule set " + older.version() + " (" + older.digest() + ")");
        out.println("- new: `" + newFolder + "`, rule set " + newer.version() + " (" + newer.digest() + ")");
        out.println("- " + intakes + " intakes (examples of both sets, generated, --intakes), " + screened
                + " screenings per rule set, in " + millis + " ms");
        out.println("- " + changes.size() + " verdicts changed, " + permissive + " of them more permissive"
                + (permissive > 0 ? " (in bold: a physician must sign them off)" : ""));
        out.println();
        if (changes.isEmpty()) {
            out.println("No verdict changes.");
            return;
        }
        out.println("| Intake | Procedure | Old → new | Rules whose findings differ |");
        out.println("|---|---|---|---|");
        Map<String, int[]> transitions = new LinkedHashMap<>();
        for (Impact.Change change : changes) {
            String transition = change.before().verdict() + " → " + change.after().verdict();
            transitions.computeIfAbsent(transition, t -> new int[] {change.morePermissive() ? 1 : 0, 0})[1]++;
            List<String> cells = List.of(change.intake(), change.procedure(), transition,
                    change.rules().isEmpty() ? "(none: the request is read differently)" : String.join("; ", change.rules()));
            out.println("| " + String.join(" | ", cells.stream().map(cell -> cell(cell, change.morePermissive())).toList())
                    + " |");
        }
        out.println();
        out.println("## Changes by transition");
        out.println();
        transitions.forEach((transition, counts) -> out.println("- " + (counts[0] == 1
                ? "**" + transition + ": " + counts[1] + "** (more permissive)"
                : transition + ": " + counts[1])));
    }

    /** A table cell: pipes escaped, bold when the change is more permissive. */
    private static String cell(String text, boolean bold) {
        String escaped = text.replace("|", "\\|").replace("\n", " ");
        return bold ? "**" + escaped + "**" : escaped;
    }
}
