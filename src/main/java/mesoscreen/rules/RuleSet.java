package mesoscreen.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mesoscreen.rules.condition.Result;
import mesoscreen.rules.condition.Truth;
import mesoscreen.text.Localized;
import mesoscreen.text.Ordered;
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
 * @param clinic    the clinic whose set this is (base rules overlaid with its own files); null for the base set
 */
public record RuleSet(String version, String digest, List<String> languages, Map<String, String> sources,
                      Map<String, Question> questions, Map<String, Procedure> procedures,
                      Vocabulary vocabulary, TextNormalizer normalizer, Map<String, Localized> messages,
                      List<CareStep> preparation, List<CareStep> aftercare, QuestionnaireTexts questionnaire,
                      List<Rule> rules, Map<String, Integer> questionOrder, Clinic clinic) {

    public RuleSet(String version, String digest, List<String> languages, Map<String, String> sources,
                   Map<String, Question> questions, Map<String, Procedure> procedures,
                   Vocabulary vocabulary, TextNormalizer normalizer, Map<String, Localized> messages,
                   List<CareStep> preparation, List<CareStep> aftercare, QuestionnaireTexts questionnaire,
                   List<Rule> rules) {
        this(version, digest, languages, sources, questions, procedures, vocabulary, normalizer, messages, preparation,
                aftercare, questionnaire, rules, positions(questions.keySet()), null);
    }

    /**
     * @param questionOrder each question's position in {@code questions}, worked out once so that a verdict
     *                      lists what is missing in questionnaire order without walking every question
     */
    public RuleSet {
        languages = List.copyOf(languages);
        sources = Ordered.copy(sources);
        questions = Ordered.copy(questions);
        procedures = Ordered.copy(procedures);
        messages = Ordered.copy(messages);
        preparation = List.copyOf(preparation);
        aftercare = List.copyOf(aftercare);
        rules = List.copyOf(rules);
        questionOrder = Map.copyOf(questionOrder);
    }

    /**
     * This set as {@code clinic}'s, as compiled: every procedure still in it, so that the examples run on
     * the same catalogue as the base set's; its version names the clinic. {@link #offered} then restricts it.
     */
    public RuleSet forClinic(Clinic clinic) {
        String named = version + "+" + clinic.id() + (clinic.version() == null ? "" : "." + clinic.version());
        return new RuleSet(named, digest, languages, sources, questions, procedures, vocabulary, normalizer, messages,
                preparation, aftercare, questionnaire, rules, questionOrder, clinic);
    }

    /**
     * The set in force: for a clinic, a procedure it does not offer is gone from the catalogue, so it is
     * refused as unknown and asked about nowhere, and so are the rules that concern only such procedures.
     */
    public RuleSet offered() {
        if (clinic == null || clinic.offered().isEmpty()) {
            return this;
        }
        Map<String, Procedure> offered = new LinkedHashMap<>();
        procedures.forEach((id, procedure) -> {
            if (clinic.offers(id)) {
                offered.put(id, procedure);
            }
        });
        List<Rule> applying = rules.stream()
                .filter(rule -> rule.procedures().isEmpty() || rule.procedures().stream().anyMatch(clinic::offers))
                .toList();
        return new RuleSet(version, digest, languages, sources, questions, offered, vocabulary, normalizer, messages,
                preparation, aftercare, questionnaire, applying, questionOrder, clinic);
    }

    /** The id of the clinic whose set this is; null for the base set. */
    public String clinicId() {
        return clinic == null ? null : clinic.id();
    }

    private static Map<String, Integer> positions(Collection<String> ids) {
        Map<String, Integer> out = new HashMap<>();
        for (String id : ids) {
            out.put(id, out.size());
        }
        return out;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rules that fired or stayed unknown for {@code facts}' procedure, in rule-set order; clear rules are left out. */
    public List<Finding> evaluate(Facts facts) {
        return evaluateEach(facts, List.of(facts.procedure())).get(facts.procedure());
    }

    /**
     * {@link #evaluate} for each of {@code procedures}, by procedure id, in their order. A rule whose
     * condition does not read the procedure has one value for the patient whatever the procedure, so it
     * is evaluated once here rather than once per procedure.
     */
    public Map<String, List<Finding>> evaluateEach(Facts facts, Collection<String> procedures) {
        return each(facts, procedures, RuleSet::finding);
    }

    /**
     * {@link #evaluateEach} less the evidence, procedure by procedure as asked for: each rule's truth where it is
     * not clear. The truth of a condition is cheaper than its evidence, which only the procedure answered for needs.
     */
    public Rulings rulings(Facts facts) {
        return new Rulings(rules, facts);
    }

    private <T> Map<String, List<T>> each(Facts facts, Collection<String> procedures,
                                          java.util.function.BiFunction<Rule, Facts, Optional<T>> outcome) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        List<Facts> forEach = new ArrayList<>(procedures.size());
        List<List<T>> found = new ArrayList<>(procedures.size());
        for (String procedure : procedures) {
            forEach.add(facts.forProcedure(procedure));
            found.add(out.computeIfAbsent(procedure, p -> new ArrayList<>()));
        }
        for (Rule rule : rules) {
            boolean shared = !rule.when().readsProcedure();
            Optional<T> once = null;
            for (int i = 0; i < forEach.size(); i++) {
                Facts forProcedure = forEach.get(i);
                if (rule.appliesTo(forProcedure.procedure())) {
                    Optional<T> each = once != null ? once : outcome.apply(rule, forProcedure);
                    once = shared ? each : null;
                    each.ifPresent(found.get(i)::add);
                }
            }
        }
        return out;
    }

    /** The finding of one rule for {@code facts}' procedure; none when it is clear or does not apply. */
    public static Optional<Finding> evaluate(Rule rule, Facts facts) {
        return rule.appliesTo(facts.procedure()) ? finding(rule, facts) : Optional.empty();
    }

    private static Optional<Finding> finding(Rule rule, Facts facts) {
        if (rule.when().truth(facts) == Truth.FALSE) {
            return Optional.empty(); // clear: its evidence would never be shown
        }
        return tested(rule, facts);
    }

    /**
     * The findings of one procedure's {@link #rulingsEach rulings}, in their order: their truths are known, so
     * only their evidence is worked out. {@code facts} are for that procedure ({@link Facts#forProcedure}).
     */
    public static List<Finding> findings(Facts facts, List<Ruling> rulings) {
        List<Finding> out = new ArrayList<>(rulings.size());
        for (Ruling ruling : rulings) {
            tested(ruling.rule(), facts).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Finding> tested(Rule rule, Facts facts) {
        Result result = rule.when().test(facts);
        return result.truth() == Truth.FALSE ? Optional.empty()
                : Optional.of(new Finding(rule, result.truth(), result.evidence(), result.missing(), result.until()));
    }

    public String message(String key, String language) {
        Localized text = messages.get(key);
        return text == null ? key : text.in(language);
    }
}
