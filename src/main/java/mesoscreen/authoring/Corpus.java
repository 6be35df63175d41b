package mesoscreen.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import mesoscreen.rules.Question;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.vocabulary.Lexicon;

/**
 * The intakes a change is judged on: every example of both rule sets, a generated set, and a
 * folder of JSON intakes. A generated intake is written for each rule set from that set's own
 * questions, so that a question asked by one set only does not turn every intake into a rejection:
 * all answers "no" but one, each single vocabulary code or term, each recent procedure type, ages
 * and sexes at the edges, and each bound the rules state, just inside and just outside ({@link Thresholds}).
 */
final class Corpus {
    /** One intake, as each rule set sees it; {@code procedure} in it screens that one only. */
    record Case(String name, Function<RuleSet, ObjectNode> intake) {
    }

    private static final List<Integer> AGES = List.of(15, 17, 18, 64, 65, 66);
    private static final List<String> OTHER_SEXES = List.of("male", "other", "unknown");

    private final ObjectMapper json;
    private final LocalDate today;
    private final Map<String, Case> cases = new LinkedHashMap<>();

    Corpus(ObjectMapper json, LocalDate today) {
        this.json = json;
        this.today = today;
    }

    List<Case> cases() {
        return List.copyOf(cases.values());
    }

    /** The examples of {@code rules}; one whose name the other set uses for another intake is told apart by {@code side}. */
    void examples(RuleSet rules, String side) {
        for (Rule rule : rules.rules()) {
            for (Rule.Example example : rule.examples()) {
                String name = "example " + rule.id() + ": " + example.name();
                Case existing = cases.get(name);
                if (existing != null && !existing.intake().apply(rules).equals(example.intake())) {
                    name = name + " (" + side + " rules)";
                }
                fixed(name, (ObjectNode) example.intake());
            }
        }
    }

    /** Every {@code *.json} file of {@code folder}, named by its file name. */
    void intakes(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode intake = json.readTree(file.toFile());
                if (!(intake instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(file + ": expected a JSON object, an intake");
                }
                fixed(file.getFileName().toString(), object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
        }
    }

    void generated(RuleSet older, RuleSet newer) {
        generate("all answers \"no\"", rules -> base(rules));
        generate("no answers", rules -> patient(json.createObjectNode(), 35, "female"));
        Set<String> questions = union(older.questions().keySet(), newer.questions().keySet());
        for (String answer : List.of("yes", "unknown")) {
            for (String question : questions) {
                generate("\"" + answer + "\" to " + question, rules -> answer(base(rules), rules, question, answer));
            }
        }
        for (String field : List.of("conditions", "medications", "allergies")) {
            Set<Lexicon.Listing> listed = new LinkedHashSet<>();
            Stream.of(older, newer).forEach(rules -> listed.addAll(lexicon(rules, field).listings()));
            for (Lexicon.Listing listing : listed) {
                ObjectNode entry = json.createObjectNode();
                if (listing.term() != null) {
                    entry.put("text", listing.term());
                } else {
                    entry.put("system", listing.system()).put("code", listing.code());
                }
                String name = field + ": " + (listing.term() != null ? "\"" + listing.term() + "\""
                        : listing.system() + " " + listing.code());
                generate(name, rules -> {
                    ObjectNode intake = base(rules);
                    intake.putArray(field).add(entry.deepCopy());
                    return intake;
                });
            }
        }
        Set<String> types = union(older.vocabulary().procedureTypes().keySet(), newer.vocabulary().procedureTypes().keySet());
        for (String type : types) {
            generate("recentProcedures: " + type + " yesterday", rules -> recentProcedure(rules, type, today.minusDays(1)));
        }
        Thresholds bounds = Thresholds.of(today, older, newer);
        Set<Integer> ages = new java.util.TreeSet<>(AGES);
        ages.addAll(bounds.ages());
        for (int age : ages) {
            generate("age " + age, rules -> patient(base(rules), age, "female"));
        }
        windows(bounds);
        for (String sex : OTHER_SEXES) {
            generate("sex " + sex, rules -> patient(base(rules), 35, sex));
        }
    }

    /** Just inside and just outside each window of either set, on each planned date the examples use. */
    private void windows(Thresholds bounds) {
        for (LocalDate planned : bounds.plannedDates()) {
            for (boolean inside : List.of(true, false)) {
                String where = (inside ? "just inside " : "just outside ");
                for (Thresholds.MedicationWindow each : bounds.medications()) {
                    LocalDate stopped = Thresholds.start(each.window(), planned, inside);
                    ObjectNode entry = json.createObjectNode();
                    if (each.listing().term() != null) {
                        entry.put("text", each.listing().term());
                    } else {
                        entry.put("system", each.listing().system()).put("code", each.listing().code());
                    }
                    entry.put("stoppedOn", stopped.toString());
                    generate("medications: " + each.medicationClass() + " stopped on " + stopped + ", planned "
                            + planned + " (" + where + each.window() + ")", rules -> {
                                ObjectNode intake = base(rules).put("plannedDate", planned.toString());
                                intake.putArray("medications").add(entry.deepCopy());
                                return intake;
                            });
                }
                for (Thresholds.ProcedureWindow each : bounds.procedures()) {
                    LocalDate done = Thresholds.start(each.window(), planned, inside);
                    generate("recentProcedures: " + each.type() + " on " + done + ", planned " + planned + " ("
                            + where + each.window() + ")", rules -> recentProcedure(rules, each.type(), done)
                            .put("plannedDate", planned.toString()));
                }
            }
        }
    }

    private void fixed(String name, ObjectNode intake) {
        cases.putIfAbsent(name, new Case(name, rules -> intake.deepCopy()));
    }

    private void generate(String name, Function<RuleSet, ObjectNode> intake) {
        cases.putIfAbsent("generated: " + name, new Case("generated: " + name, intake));
    }

    /** A 35-year-old woman who answers "no" to every question of the rule set. */
    private ObjectNode base(RuleSet rules) {
        ObjectNode intake = patient(json.createObjectNode(), 35, "female");
        ObjectNode answers = intake.putObject("answers");
        rules.questions().keySet().forEach(question -> answers.put(question, "no"));
        return intake;
    }

    private static ObjectNode patient(ObjectNode intake, int age, String sex) {
        intake.putObject("patient").put("age", age).put("sex", sex);
        return intake;
    }

    /** The answer, if the rule set asks the question; a question it does not ask is not put to the patient. */
    private static ObjectNode answer(ObjectNode intake, RuleSet rules, String question, String answer) {
        if (rules.questions().containsKey(question)) {
            ((ObjectNode) intake.get("answers")).put(question, answer);
        }
        return intake;
    }

    /** A "yes" to the questions that open the list of recent procedures, and one done yesterday. */
    private ObjectNode recentProcedure(RuleSet rules, String type, LocalDate date) {
        ObjectNode intake = base(rules);
        for (Question question : rules.questions().values()) {
            if (question.followUp() instanceof Question.FollowUp.Field field && field.field().equals("recentProcedures")) {
                answer(intake, rules, question.id(), "yes");
            }
        }
        intake.putArray("recentProcedures").addObject().put("type", type).put("date", date.toString());
        return intake;
    }

    private static Lexicon lexicon(RuleSet rules, String field) {
        return switch (field) {
            case "conditions" -> rules.vocabulary().conditions();
            case "medications" -> rules.vocabulary().medications();
            default -> rules.vocabulary().allergens();
        };
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    static List<String> procedures(RuleSet older, RuleSet newer) {
        return new ArrayList<>(union(older.procedures().keySet(), newer.procedures().keySet()));
    }
}
