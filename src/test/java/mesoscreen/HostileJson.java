package mesoscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variations of a JSON document, for HostileInputTest: truncated, nested too deep, huge numbers,
 * wrong types and nulls anywhere, unicode tricks in values and keys, duplicate keys at any level, very long
 * strings and keys, damaged bytes. A small writer of its own makes what Jackson will not write: duplicate
 * keys, raw number text such as {@code 1e400}, and nesting deeper than Jackson's writer allows.
 */
final class HostileJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What is done to the document. */
    enum Shape {
        TRUNCATED, DEEP_NESTING, HUGE_NUMBER, WRONG_TYPE, NULL_VALUE, NULL_IN_LIST, UNICODE_IN_VALUE, UNICODE_IN_KEY,
        DUPLICATE_KEY, LONG_STRING, LONG_KEY, DAMAGED_BYTES
    }

    /** Bodies that are not a JSON object at all. */
    static final List<String> NOT_AN_OBJECT = List.of("", " ", "null", "[]", "[{}]", "1", "-0", "1e400", "\"x\"", "true",
            "{", "}", "{\"", "{\"a\":", "[[[[", "<QuestionnaireResponse xmlns=\"http://hl7.org/fhir\"/>",
            "procedure=hydralift&plannedDate=2026-12-01", "\uFEFF", "\u0000", "{}{}", "{} x", "{/*c*/}", "{'a':1}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":[1,]}", "{\"a\" 1}");

    /** Values of the wrong type or beyond every limit; the raw ones are written as they are. */
    private static final List<JsonNode> HOSTILE_VALUES = List.of(NODES.nullNode(), NODES.booleanNode(true),
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(3.5), NODES.textNode(""), NODES.textNode("yes"),
            NODES.textNode("2026-02-30"), NODES.textNode("+999999999-12-31"), NODES.arrayNode(), NODES.objectNode(),
            NODES.arrayNode().addNull(), NODES.objectNode().putNull(""));
    private static final List<JsonNode> HUGE_NUMBERS = List.of(raw("1e400"), raw("-1e400"), raw("1E-400"), raw("-0"),
            raw("2147483648"), raw("1234567890123456789012345678901234567890"), raw("0.0000000000000000000000000000000000001"));

    private static final char[] INVISIBLE = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E',
        '\u202D', '\u2066', '\u2069', '\u0000', '\u0007', '\u001B'};
    private static final char[] COMBINING = {'\u0301', '\u0308', '\u0336', '\u20DD'};
    /** Latin letters and the Cyrillic or Greek letters that look the same. */
    private static final Map<Character, Character> HOMOGLYPHS = Map.of('a', '\u0430', 'e', '\u0435', 'o', '\u043E',
            'p', '\u0440', 'c', '\u0441', 'x', '\u0445', 'y', '\u0443', 'i', '\u0456', 'n', '\u03B7', 'u', '\u03C5');

    private HostileJson() {
    }

    /** The document, damaged in the given way. */
    static byte[] mutate(ObjectNode document, Shape shape, Random random) {
        ObjectNode copy = document.deepCopy();
        Map<JsonNode, Map.Entry<String, JsonNode>> duplicates = new IdentityHashMap<>();
        switch (shape) {
            case TRUNCATED -> {
                byte[] whole = write(copy, duplicates).getBytes(StandardCharsets.UTF_8);
                return java.util.Arrays.copyOf(whole, random.nextInt(Math.max(1, whole.length)));
            }
            case DAMAGED_BYTES -> {
                byte[] bytes = write(copy, duplicates).getBytes(StandardCharsets.UTF_8);
                for (int n = 1 + random.nextInt(5); n > 0 && bytes.length > 0; n--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            case DEEP_NESTING -> slot(copy, random).replace(deep(random));
            case HUGE_NUMBER -> slot(copy, random).replace(HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size())));
            case WRONG_TYPE -> slot(copy, random).replace(HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
            case NULL_VALUE -> slot(copy, random).replace(NODES.nullNode());
            case NULL_IN_LIST -> {
                List<ArrayNode> lists = containers(copy, ArrayNode.class);
                ArrayNode list = lists.isEmpty() ? copy.putArray("conditions") : lists.get(random.nextInt(lists.size()));
                list.insertNull(random.nextInt(list.size() + 1));
            }
            case UNICODE_IN_VALUE -> {
                List<Slot> texts = slots(copy).stream().filter(s -> s.value().isTextual()).toList();
                Slot slot = texts.isEmpty() ? slot(copy, random) : texts.get(random.nextInt(texts.size()));
                slot.replace(NODES.textNode(trick(slot.value().asText("x"), random)));
            }
            case UNICODE_IN_KEY -> rename(copy, random, key -> trick(key, random));
            case DUPLICATE_KEY -> {
                List<ObjectNode> objects = containers(copy, ObjectNode.class).stream().filter(o -> !o.isEmpty()).toList();
                ObjectNode object = objects.isEmpty() ? copy.put("procedure", "hydralift") : objects.get(random.nextInt(objects.size()));
                List<String> names = object.properties().stream().map(Map.Entry::getKey).toList();
                String name = names.get(random.nextInt(names.size()));
                // The same value again, or another: a "yes" followed by a "no" is the dangerous one.
                JsonNode again = random.nextBoolean() ? object.get(name) : HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
                duplicates.put(object, Map.entry(name, again));
            }
            case LONG_STRING -> slot(copy, random).replace(NODES.textNode(longText(random)));
            case LONG_KEY -> rename(copy, random, key -> longText(random));
        }
        return write(copy, duplicates).getBytes(StandardCharsets.UTF_8);
    }

    /** The string with an invisible, combining, homoglyph, width or control trick applied. */
    static String trick(String text, Random random) {
        String s = text.isEmpty() ? "x" : text;
        int at = random.nextInt(s.length() + 1);
        return switch (random.nextInt(7)) {
            case 0 -> s.substring(0, at) + INVISIBLE[random.nextInt(INVISIBLE.length)] + s.substring(at);
            case 1 -> s.substring(0, Math.max(1, at)) + COMBINING[random.nextInt(COMBINING.length)] + s.substring(Math.max(1, at));
            case 2 -> homoglyphs(s, random);
            case 3 -> fullWidth(s);
            case 4 -> "\u202E" + new StringBuilder(s).reverse() + "\u202C";
            case 5 -> s + "\uD83D\uDC69\u200D\u2695\uFE0F";
            default -> "\u3000" + s.toUpperCase(java.util.Locale.ROOT) + "\u00A0";
        };
    }

    /** Some letters (at least one, where there is one) replaced by a look-alike of another script. */
    static String homoglyphs(String s, Random random) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            Character look = HOMOGLYPHS.get(s.charAt(i));
            boolean last = s.substring(i + 1).chars().noneMatch(c -> HOMOGLYPHS.containsKey((char) c));
            boolean swap = look != null && (random.nextBoolean() || (last && !changed));
            out.append(swap ? look : s.charAt(i));
            changed |= swap;
        }
        return out.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return out.toString();
    }

    /** 60 000 characters (under the 64K text limit), 70 000 or 100 000 (over it), 300 000 (over the body limit). */
    private static String longText(Random random) {
        int[] lengths = {60_000, 70_000, 100_000, 300_000};
        return String.valueOf((char) ('a' + random.nextInt(26))).repeat(lengths[random.nextInt(lengths.length)]);
    }

    /** Arrays or objects nested 17 (one past the limit), 100, 1000 or 5000 deep. */
    private static JsonNode deep(Random random) {
        int[] depths = {17, 100, 1000, 5000};
        int depth = depths[random.nextInt(depths.length)];
        return random.nextBoolean() ? raw("[".repeat(depth) + "]".repeat(depth))
                : raw("{\"a\":".repeat(depth) + "null" + "}".repeat(depth));
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    // ---- finding places in the document -------------------------------------------------------------

    /** A place that holds a value: a field of an object or an element of an array. */
    record Slot(JsonNode container, String field, int index) {
        JsonNode value() {
            return field != null ? container.get(field) : container.get(index);
        }

        void replace(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    private static Slot slot(ObjectNode document, Random random) {
        List<Slot> all = slots(document);
        if (all.isEmpty()) {
            document.putNull("procedure");
            all = slots(document);
        }
        return all.get(random.nextInt(all.size()));
    }

    static List<Slot> slots(JsonNode node) {
        List<Slot> out = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                out.add(new Slot(object, field.getKey(), -1));
                out.addAll(slots(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(new Slot(array, null, i));
                out.addAll(slots(array.get(i)));
            }
        }
        return out;
    }

    private static <T extends JsonNode> List<T> containers(JsonNode node, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(node)) {
            out.add(type.cast(node));
        }
        node.elements().forEachRemaining(child -> out.addAll(containers(child, type)));
        return out;
    }

    /** Renames one key of one object, keeping the order of its fields. */
    private static void rename(ObjectNode document, Random random, java.util.function.UnaryOperator<String> change) {
        List<ObjectNode> objects = containers(document, ObjectNode.class).stream().filter(o -> !o.isEmpty()).toList();
        if (objects.isEmpty()) {
            document.put(change.apply("procedure"), "hydralift");
            return;
        }
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.properties().forEach(f -> fields.put(f.getKey(), f.getValue()));
        List<String> names = List.copyOf(fields.keySet());
        String old = names.get(random.nextInt(names.size()));
        object.removeAll();
        fields.forEach((name, value) -> object.set(name.equals(old) ? change.apply(old) : name, value));
    }

    // ---- writing ------------------------------------------------------------------------------------

    /** JSON text of the tree; {@code duplicates} names, per object, a key to write a second time. */
    static String write(JsonNode node, Map<JsonNode, Map.Entry<String, JsonNode>> duplicates) {
        StringBuilder out = new StringBuilder();
        write(node, duplicates, out);
        return out.toString();
    }

    private static void write(JsonNode node, Map<JsonNode, Map.Entry<String, JsonNode>> duplicates, StringBuilder out) {
        if (node instanceof ObjectNode object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                first = member(field.getKey(), field.getValue(), first, duplicates, out);
            }
            Map.Entry<String, JsonNode> twice = duplicates.get(object);
            if (twice != null) {
                member(twice.getKey(), twice.getValue(), first, duplicates, out);
            }
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(array.get(i), duplicates, out);
            }
            out.append(']');
        } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            out.append(raw.rawValue());
        } else {
            out.append(node);
        }
    }

    private static boolean member(String name, JsonNode value, boolean first,
                                  Map<JsonNode, Map.Entry<String, JsonNode>> duplicates, StringBuilder out) {
        out.append(first ? "" : ",").append(TextNode.valueOf(name)).append(':');
        write(value, duplicates, out);
        return false;
    }
}
