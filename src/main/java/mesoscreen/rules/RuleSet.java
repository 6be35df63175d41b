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
            Result result = rule.when().test(facts);
            if (result.truth() != Truth.FALSE) {
                findings.add(new Finding(rule, result.truth(), result.evidence(), result.missing(), result.until()));
            }
        }
        return findings;
    }

    public String message(String key, String language) {
        Localized text = messages.get(key);
        return text == null ? key : text.in(language);
    }
}
