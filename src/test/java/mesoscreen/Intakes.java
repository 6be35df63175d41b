package mesoscreen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mesoscreen.intake.Sex;
import mesoscreen.rules.Question;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetLoader;

/** Builds intake bodies for tests: a patient who answered every question "no", then changes. */
public final class Intakes {
    /** The bundled rule set, read the way the service reads it. */
    public static final RuleSet RULES = RuleSetLoader.load(Path.of("rules"));
    public static final List<String> QUESTIONS = List.copyOf(RULES.questions().keySet());

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> answers = new LinkedHashMap<>();

    private Intakes(Sex sex, int age) {
        body.put("procedure", "hydralift");
        body.put("plannedDate", "2026-12-01");
        body.put("patient", Map.of("age", age, "sex", sex.json()));
        for (Question question : RULES.questions().values()) {
            if (question.appliesTo(sex)) {
                answers.put(question.id(), "no");
            }
        }
        body.put("answers", answers);
    }

    /** A healthy woman of {@code age} who answered every question "no", for hydralift on 2026-12-01. */
    public static Intakes healthyWoman(int age) {
        return new Intakes(Sex.FEMALE, age);
    }

    /** A healthy man; the pregnancy questions are not asked. */
    public static Intakes healthyMan(int age) {
        return new Intakes(Sex.MALE, age);
    }

    public Intakes answer(String question, String value) {
        answers.put(question, value);
        return this;
    }

    public Intakes without(String question) {
        answers.remove(question);
        return this;
    }

    public Intakes with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }
}
