package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mesoscreen.intake.Answer;
import mesoscreen.intake.Intake;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;

/**
 * A compiled rule set is frozen: walking everything it holds, every field of ours is final, every list, set
 * and map is unmodifiable, no array is held, no class of ours has a public mutator, and the example
 * intakes (JSON trees, which cannot be frozen) are only ever handed out as copies.
 */
class ImmutabilityTest {
    private static final Set<String> MUTATORS = Set.of("add", "put", "set", "remove", "clear", "replace");

    @Test
    void aCompiledRuleSetIsFrozenAllTheWayDown() throws Exception {
        RuleSet rules = RuleSetLoader.load(Path.of("rules"));
        List<String> faults = new ArrayList<>();
        Set<Class<?>> ours = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        walk(rules, "ruleSet", new IdentityHashMap<>(), faults, ours);
        for (Class<?> type : ours) {
            for (Method method : type.getMethods()) {
                boolean mutator = MUTATORS.stream().anyMatch(m -> method.getName().startsWith(m)
                        && (method.getName().length() == m.length() || Character.isUpperCase(method.getName().charAt(m.length()))));
                if (mutator && method.getDeclaringClass() == type) {
                    faults.add(type.getName() + " has a public mutator " + method.getName());
                }
            }
        }
        assertTrue(ours.size() > 20, "walked " + ours);
        assertEquals(List.of(), faults);
    }

    @Test
    void anExampleIntakeIsHandedOutAsACopy() {
        Rule rule = Intakes.RULES.rules().get(0);
        Rule.Example example = rule.examples().get(0);
        ((ObjectNode) example.intake()).put("procedure", "changed");
        assertTrue(example.intake() != example.intake(), "a fresh copy each time");
        assertTrue(!"changed".equals(example.intake().path("procedure").asText()), "the example stays as written");
    }

    @Test
    void anIntakeCopiesWhatItIsGiven() {
        Map<String, Answer> answers = new java.util.LinkedHashMap<>(Map.of("pregnant", Answer.NO));
        List<String> concerns = new ArrayList<>(List.of("wrinkles"));
        Intake intake = new Intake(null, null, null, answers, null, null, null, concerns, null, null);
        answers.put("breastfeeding", Answer.YES);
        concerns.add("acne");
        assertEquals(Map.of("pregnant", Answer.NO), intake.answers());
        assertEquals(List.of("wrinkles"), intake.concerns());
        assertThrows(UnsupportedOperationException.class, () -> intake.concerns().add("acne"));
        assertThrows(UnsupportedOperationException.class, () -> intake.answers().put("tumor", Answer.YES));
    }

    /** Every object reachable through our classes' fields. */
    private static void walk(Object value, String path, Map<Object, Boolean> seen, List<String> faults,
                             Set<Class<?>> ours) throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            faults.add(path + " is an array, which anyone holding it can change");
        } else if (value instanceof Collection<?> collection) {
            unmodifiable(type, path, faults);
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", seen, faults, ours);
            }
        } else if (value instanceof Map<?, ?> map) {
            unmodifiable(type, path, faults);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey(), path + ".key", seen, faults, ours);
                walk(entry.getValue(), path + "[" + entry.getKey() + "]", seen, faults, ours);
            }
        } else if (type.getName().startsWith("mesoscreen.") && !type.isEnum()) {
            ours.add(type);
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    String at = path + "." + field.getName();
                    if (!Modifier.isFinal(field.getModifiers())) {
                        faults.add(at + " is not final");
                    }
                    field.setAccessible(true);
                    Object held = field.get(value);
                    if (held instanceof JsonNode node) {
                        handedOutOnlyAsCopies(value, node, at, faults);
                    } else {
                        walk(held, at, seen, faults, ours);
                    }
                }
            }
        }
    }

    private static void unmodifiable(Class<?> type, String path, List<String> faults) {
        String name = type.getName();
        boolean frozen = name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty") || name.startsWith("java.util.Collections$Singleton");
        if (!frozen) {
            faults.add(path + " is a " + name + ", which can be changed");
        }
    }

    /** A JSON tree cannot be frozen, so it must stay private: no public method returns it, or a Node of it. */
    private static void handedOutOnlyAsCopies(Object owner, JsonNode node, String at, List<String> faults) throws Exception {
        for (Method method : owner.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object out = method.invoke(owner);
            if (out == node || out instanceof mesoscreen.rules.Node n && n.value() == node) {
                faults.add(at + " is handed out as is by " + method.getName() + "()");
            }
        }
    }
}
