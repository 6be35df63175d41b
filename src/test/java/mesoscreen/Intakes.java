package mesoscreen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds intake bodies for tests: a patient who answered every question "no", then changes. */
public final class Intakes {
    public static final List<String> QUESTIONS = List.of("pregnant", "breastfeeding", "menstruating",
            "acuteInfection", "keloidTendency", "componentIntolerance", "allergicDisease", "bleedingDisorder",
            "anticoagulants", "chronicCardiovascularDisease", "tumor", "chronicRenalFailure");
    private static final List<String> WOMEN_ONLY = List.of("pregnant", "breastfeeding", "menstruating");

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> answers = new LinkedHashMap<>();

    private Intakes(String sex, int age) {
        body.put("procedure", "hydralift");
        body.put("patient", Map.of("age", age, "sex", sex));
        for (String question : QUESTIONS) {
            if (!sex.equals("male") || !WOMEN_ONLY.contains(question)) {
                answers.put(question, "no");
            }
        }
        body.put("answers", answers);
    }

    /** A healthy woman of {@code age} who answered every question "no", for hydralift. */
    public static Intakes healthyWoman(int age) {
        return new Intakes("female", age);
    }

    /** A healthy man; the pregnancy questions are not asked. */
    public static Intakes healthyMan(int age) {
        return new Intakes("male", age);
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
