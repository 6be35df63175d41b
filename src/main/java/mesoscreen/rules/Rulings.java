package mesoscreen.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.rules.condition.Truth;

/**
 * One patient's {@link Ruling}s, worked out procedure by procedure as they are asked for. A rule whose condition
 * does not read the procedure has one truth for the patient whatever the procedure, so it is worked out at most
 * once, for the first procedure asked about, and reused for the others. Lives as long as one screening.
 */
public final class Rulings {
    private final List<Rule> rules;
    private final Facts facts;
    /**
     * The ruling of each rule that does not read the procedure, by its position, shared by every procedure: null until
     * worked out, {@link #CLEAR} when the rule is clear.
     */
    private final Ruling[] shared;
    private final Map<String, List<Ruling>> byProcedure = new HashMap<>();

    /** A rule that is clear, among {@link #shared}. */
    private static final Ruling CLEAR = new Ruling(null, Truth.FALSE);

    Rulings(List<Rule> rules, Facts facts) {
        this.rules = rules;
        this.facts = facts;
        this.shared = new Ruling[rules.size()];
    }

    /** The rules that are not clear for the procedure, in rule-set order, with their truths. */
    public List<Ruling> of(String procedure) {
        List<Ruling> known = byProcedure.get(procedure);
        if (known == null) {
            known = ruled(procedure);
            byProcedure.put(procedure, known);
        }
        return known;
    }

    private List<Ruling> ruled(String procedure) {
        Facts forProcedure = facts.forProcedure(procedure);
        List<Ruling> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!rule.appliesTo(procedure)) {
                continue;
            }
            Ruling ruling = shared[i];
            if (ruling == null) {
                Truth truth = rule.when().truth(forProcedure);
                ruling = truth == Truth.FALSE ? CLEAR : new Ruling(rule, truth);
                if (!rule.when().readsProcedure()) {
                    shared[i] = ruling;
                }
            }
            if (ruling != CLEAR) {
                out.add(ruling);
            }
        }
        return out;
    }
}
