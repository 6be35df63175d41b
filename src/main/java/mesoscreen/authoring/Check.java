package mesoscreen.authoring;

import java.io.PrintStream;
import java.nio.file.Path;
import mesoscreen.rules.RuleError;
import mesoscreen.rules.RuleSet;
import mesoscreen.screening.ExampleCoverage;
import mesoscreen.screening.RuleSetRegistry;
import java.util.List;

/**
 * {@code check DIR [--clinics DIR]}: loads a rule folder exactly as start-up does and prints the same
 * located errors, then what its examples leave untried; with clinics, then every clinic's effective set
 * (the folder overlaid with the clinic's files), each error naming the clinic's file. Untried branches do
 * not fail the check; errors do.
 */
final class Check {
    private final Offline offline;
    private final PrintStream out;

    Check(Offline offline, PrintStream out) {
        this.offline = offline;
        this.out = out;
    }

    int run(Path folder, Path clinics) {
        int code = run(folder);
        for (String clinic : clinics == null ? List.<String>of() : RuleSetRegistry.clinicIds(clinics)) {
            Path own = clinics.resolve(clinic);
            RuleSet rules = offline.loadClinic(folder, own, out);
            if (rules == null) {
                code = Commands.RULES_DO_NOT_LOAD;
            } else {
                out.println(own + ": clinic " + clinic + "'s rule set " + rules.version() + " (" + rules.digest()
                        + ") loads: " + rules.rules().size() + " rules, " + rules.procedures().size()
                        + " procedures offered, " + rules.rules().stream().mapToInt(r -> r.examples().size()).sum()
                        + " examples hold.");
            }
        }
        return code;
    }

    private int run(Path folder) {
        long start = System.nanoTime();
        RuleSet rules = offline.load(folder, out);
        if (rules == null) {
            return Commands.RULES_DO_NOT_LOAD;
        }
        out.println(folder + ": rule set " + rules.version() + " (" + rules.digest() + ") loads: "
                + rules.rules().size() + " rules, " + rules.rules().stream().mapToInt(r -> r.examples().size()).sum()
                + " examples hold.");
        ExampleCoverage coverage = ExampleCoverage.of(rules, offline.json, offline.today);
        coverage.untriedBranches().forEach(branch -> out.println(branch.render("UNTRIED")));
        Path questions = folder.resolve("questions.yaml");
        coverage.unansweredQuestions().forEach(question -> out.println(new RuleError(questions.toString(), 0, 0,
                "no example answers question '" + question + "'", null).render("UNTRIED")));
        out.println(folder + ": checked in " + (System.nanoTime() - start) / 1_000_000 + " ms; "
                + (coverage.complete() ? "every branch and question is tried by an example."
                : coverage.untriedBranches().size() + " untried branch(es), "
                + coverage.unansweredQuestions().size() + " unanswered question(s)."));
        return Commands.OK;
    }
}
