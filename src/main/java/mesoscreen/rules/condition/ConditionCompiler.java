package mesoscreen.rules.condition;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Node;
import mesoscreen.rules.Procedure;
import mesoscreen.text.Suggestions;
import mesoscreen.vocabulary.Vocabulary;

/**
 * Compiles the {@code when:} of a rule file into a {@link Condition}, checking every id it names against
 * the questions, the vocabulary and the catalogue. A recent-procedure predicate gets the types of its
 * own rule here; {@link #link} later gives it those of every rule its question serves.
 */
public final class ConditionCompiler {
    private static final Set<String> KEYS = ordered("all", "any", "not", "answer", "condition",
            "medication", "recentProcedure", "allergy", "allergyToIngredient", "age", "sex", "procedure", "area",
            "concern");

    private final Set<String> questions;
    private final Vocabulary vocabulary;
    private final Map<String, Procedure> procedures;

    public ConditionCompiler(Set<String> questions, Vocabulary vocabulary, Map<String, Procedure> procedures) {
        this.questions = questions;
        this.vocabulary = vocabulary;
        this.procedures = procedures;
    }

    public Condition compile(Node node) {
        Map<String, Node> members = node.object(KEYS);
        if (members.size() != 1) {
            throw node.error("a condition has exactly one of " + String.join(", ", KEYS));
        }
        Map.Entry<String, Node> only = members.entrySet().iterator().next();
        Node value = only.getValue();
        return switch (only.getKey()) {
            case "all", "any" -> {
                List<Condition> children = value.list().stream().map(this::compile).toList();
                if (children.isEmpty()) {
                    throw value.error("'" + only.getKey() + "' needs at least one condition");
                }
                yield only.getKey().equals("all") ? new Condition.All(children) : new Condition.Any(children);
            }
            case "not" -> new Condition.Not(compile(value));
            case "answer" -> new Condition.AnswerYes(value.oneOf(questions, "question"));
            case "condition" -> new Condition.Listed(Condition.Listed.Kind.CONDITION,
                    value.oneOf(vocabulary.conditions().ids(), "condition"));
            case "medication" -> medication(value);
            case "recentProcedure" -> recentProcedure(value);
            case "allergy" -> new Condition.Listed(Condition.Listed.Kind.ALLERGY,
                    value.oneOf(vocabulary.allergens().ids(), "allergen"));
            case "allergyToIngredient" -> {
                if (!value.bool()) {
                    throw value.error("write 'allergyToIngredient: true', or use 'not'");
                }
                Map<String, Set<String>> byProcedure = new LinkedHashMap<>();
                procedures.values().forEach(p -> byProcedure.put(p.id(), Set.copyOf(p.ingredients())));
                yield new Condition.AllergyToIngredient(Map.copyOf(byProcedure));
            }
            case "age" -> age(value);
            case "sex" -> new Condition.SexIn(sexes(value));
            case "procedure" -> new Condition.ProcedureIn(ids(value, procedures.keySet(), "procedure"));
            case "area" -> {
                Map<String, List<String>> byProcedure = new LinkedHashMap<>();
                procedures.values().forEach(p -> byProcedure.put(p.id(), List.copyOf(p.areas())));
                yield new Condition.AreaIn(ids(value, vocabulary.areas().keySet(), "area"), Map.copyOf(byProcedure));
            }
            case "concern" -> new Condition.ConcernIn(ids(value, vocabulary.concerns().keySet(), "concern"));
            default -> throw node.error("unknown condition '" + only.getKey() + "'");
        };
    }

    private Condition medication(Node value) {
        if (value.value().isTextual()) {
            return new Condition.TakesMedication(value.oneOf(vocabulary.medications().ids(), "medication class"),
                    null, null);
        }
        value.object(ordered("class", "stoppedWithin", "askedBy"));
        String askedBy = value.get("askedBy").isMissing() ? null : value.get("askedBy").oneOf(questions, "question");
        return new Condition.TakesMedication(
                value.required("class").oneOf(vocabulary.medications().ids(), "medication class"),
                value.get("stoppedWithin").isMissing() ? null : window(value.get("stoppedWithin")), askedBy);
    }

    private Condition recentProcedure(Node value) {
        value.object(ordered("within", "askedBy"));
        Map<String, Window> within = new LinkedHashMap<>();
        value.required("within").entries().forEach((type, window) -> {
            if (!vocabulary.procedureTypes().containsKey(type)) {
                throw window.keyError("unknown procedure type '" + type + "'"
                        + Suggestions.didYouMean(type, vocabulary.procedureTypes().keySet()));
            }
            within.put(type, window(window));
        });
        String askedBy = value.required("askedBy").oneOf(questions, "question");
        return new Condition.RecentProcedureWithin(Map.copyOf(within), askedBy, Set.copyOf(within.keySet()));
    }

    private static Condition age(Node value) {
        value.object(ordered("min", "max"));
        Integer min = value.get("min").isMissing() ? null : value.get("min").integer();
        Integer max = value.get("max").isMissing() ? null : value.get("max").integer();
        if (min == null && max == null || min != null && max != null && min > max) {
            throw value.error("an age range needs 'min' and/or 'max', with min <= max");
        }
        return new Condition.AgeBetween(min, max);
    }

    /**
     * Gives every recent-procedure predicate the types its question asks about over all the rules it
     * serves ({@code typesAskedBy}), so that a "yes" is explained by an entry of any of them.
     */
    public static Condition link(Condition condition, Map<String, Set<String>> typesAskedBy) {
        if (condition instanceof Condition.All all) {
            return new Condition.All(all.children().stream().map(c -> link(c, typesAskedBy)).toList());
        }
        if (condition instanceof Condition.Any any) {
            return new Condition.Any(any.children().stream().map(c -> link(c, typesAskedBy)).toList());
        }
        if (condition instanceof Condition.Not not) {
            return new Condition.Not(link(not.child(), typesAskedBy));
        }
        if (condition instanceof Condition.RecentProcedureWithin recent) {
            return new Condition.RecentProcedureWithin(recent.within(), recent.askedBy(),
                    Set.copyOf(typesAskedBy.getOrDefault(recent.askedBy(), recent.askedTypes())));
        }
        return condition;
    }

    /** The types each recent-procedure question asks about, over every condition given. */
    public static Map<String, Set<String>> typesAskedBy(List<Condition> conditions) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        conditions.forEach(c -> collectTypes(c, out));
        return out;
    }

    private static void collectTypes(Condition condition, Map<String, Set<String>> out) {
        if (condition instanceof Condition.All all) {
            all.children().forEach(c -> collectTypes(c, out));
        } else if (condition instanceof Condition.Any any) {
            any.children().forEach(c -> collectTypes(c, out));
        } else if (condition instanceof Condition.Not not) {
            collectTypes(not.child(), out);
        } else if (condition instanceof Condition.RecentProcedureWithin recent) {
            out.computeIfAbsent(recent.askedBy(), q -> new LinkedHashSet<>()).addAll(recent.within().keySet());
        }
    }

    private static Set<String> ids(Node node, Set<String> known, String what) {
        return node.listOrOne().stream().map(n -> n.oneOf(known, what)).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code female}, or a list of sexes. */
    public static Set<Sex> sexes(Node node) {
        Set<String> names = ordered("female", "male", "other", "unknown");
        return java.util.Collections.unmodifiableSet(node.listOrOne().stream()
                .map(n -> Sex.valueOf(n.oneOf(names, "sex").toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Sex.class))));
    }

    /** {@code { days: 14 }}, {@code { months: 6 }}: exactly one unit. */
    private static Window window(Node node) {
        Map<String, Node> units = node.object(ordered("days", "weeks", "months"));
        if (units.size() != 1) {
            throw node.error("a window has exactly one of days, weeks, months");
        }
        Map.Entry<String, Node> only = units.entrySet().iterator().next();
        int amount = only.getValue().integer();
        if (amount <= 0) {
            throw only.getValue().error("a window must be longer than zero");
        }
        return new Window(amount,
                java.time.temporal.ChronoUnit.valueOf(only.getKey().toUpperCase(java.util.Locale.ROOT)));
    }

    /** A set whose order shows in error messages ("expected one of ..."). */
    private static Set<String> ordered(String... values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
    }
}
