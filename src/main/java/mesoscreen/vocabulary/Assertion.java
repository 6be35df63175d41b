package mesoscreen.vocabulary;

/**
 * How an entry speaks of what it names (ConText's dimensions, as {@code vocabulary/assertion.yaml} lists
 * their cues). Whether a reading counts toward the rules is decided per concept by {@link Asserter}:
 * affirmed, uncertain and current always count; past and future only for some concepts; negated,
 * someone else's and nothing never do, but are shown, never dropped.
 */
public enum Assertion {
    AFFIRMED("affirmed"),
    /** "maybe", "возможно", "galiba": a possible pregnancy is a pregnancy. */
    UNCERTAIN("uncertain"),
    /** "now", "сейчас", "şu an": counts, and as the active form where the concept has one. */
    CURRENT("current"),
    /** "as a child", "давно", "yıllar önce": lifts only what is about the present. */
    PAST("past"),
    /** "if I get", "планирую", "olursa": what may happen later fires nothing now. */
    FUTURE("future"),
    NEGATED("negated"),
    /** "my father", "у мамы", "babamda": a relative's, not the patient's. */
    SOMEONE_ELSE("someone-else"),
    /** The entry as a whole says there is none: "nothing", "не принимаю", "yok". */
    NOTHING("nothing");

    private final String json;

    Assertion(String json) {
        this.json = json;
    }

    /** The name in answers and rule files. */
    public String json() {
        return json;
    }

    public static Assertion ofJson(String name) {
        for (Assertion assertion : values()) {
            if (assertion.json.equals(name)) {
                return assertion;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
