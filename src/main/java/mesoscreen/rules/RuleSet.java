package mesoscreen.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mesoscreen.rules.condition.Result;
import mesoscreen.rules.condition.Truth;
import mesoscreen.text.Localized;
import mesoscreen.vocabulary.TextNormalizer;
import mesoscreen.vocabulary.Vocabulary;

/**
 * A compiled, immutable rule folder. Built once at start-up by {@link RuleSetLoader}; a request
 * only calls {@link #evaluate}.
 *
 * @param digest    "sha256:..." over every rule file, so a verdict names the exact rules behind it
 * @param languages languages of every text; the first is the fallback
 * @param sources   citation id to its description
 * @param messages  texts of the service itself (summaries), by key
 * @param preparation what to do before a session, aftercare what to do after it
 */
public record RuleSet(String version, String digest, List<String> languages, Map<String, String> sources,
                      Map<String, Question> questions, Map<String, Procedure> procedures,
                      Vocabulary vocabulary, TextNormalizer normalizer, Map<String, Localized> messages,
                      List<CareStep> preparation, List<CareStep> aftercare, QuestionnaireTexts questionnaire,
                      List<Rule> rules) {

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rules that fired or stayed unknown, in rule-set order; clear rules are left out. */
    public List<Finding> evaluate(Facts facts) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.appliesTo(facts.procedure())) {
                continue;
            }
            Finding finding = finding(rule, facts);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    /**
     * {@link #evaluate} for each of {@code procedures}, by procedure id, in their order. A rule whose
     * condition does not read the procedure has one value for the patient whatever the procedure, so it
     * is evaluated once here rather than once per procedure.
     */
    public Map<String, List<Finding>> evaluateEach(Facts facts, Iterable<String> procedures) {
        boolean[] perProcedure = new boolean[rules.size()];
        for (int i = 0; i < perProcedure.length; i++) {
            perProcedure[i] = rules.get(i).when().readsProcedure();
        }
        Finding[] shared = new Finding[rules.size()];
        boolean[] sharedDone = new boolean[rules.size()];
        Map<String, List<Finding>> out = new java.util.LinkedHashMap<>();
        for (String procedure : procedures) {
            Facts forProcedure = facts.forProcedure(procedure);
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < perProcedure.length; i++) {
                Rule rule = rules.get(i);
                if (!rule.appliesTo(procedure)) {
                    continue;
                }
                Finding finding;
                if (perProcedure[i]) {
                    finding = finding(rule, forProcedure);
                } else {
                    if (!sharedDone[i]) {
                        shared[i] = finding(rule, forProcedure);
                        sharedDone[i] = true;
                    }
                    finding = shared[i];
                }
                if (finding != null) {
                    findings.add(finding);
                }
            }
            out.put(procedure, findings);
        }
        return out;
    }

    /** The finding of one rule, or null when it is clear. */
    private static Finding finding(Rule rule, Facts facts) {
        Result result = rule.when().test(facts);
        return result.truth() == Truth.FALSE ? null
                : new Finding(rule, result.truth(), result.evidence(), result.missing(), result.until());
    }

    public String message(String key, String language) {
        Localized text = messages.get(key);
        return text == null ? key : text.in(language);
    }
}
