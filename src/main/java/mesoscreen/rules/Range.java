package mesoscreen.rules;

/** An inclusive range of whole numbers, as clinic texts give them ("4 to 10 sessions"). */
public record Range(int min, int max) {
}
