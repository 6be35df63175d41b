package mesoscreen.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for names typed by people: the closest known name within a small edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest of {@code known} to {@code typed}, if it is near enough to be a typo. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        int limit = Math.max(1, Math.min(3, typed.length() / 3));
        return known.stream()
                .filter(k -> distance(lower, k.toLowerCase(java.util.Locale.ROOT), limit) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase(java.util.Locale.ROOT), limit))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** "; did you mean 'x'?" or nothing. */
    public static String didYouMean(String typed, Collection<String> known) {
        if (typed.length() > SHOWN) {
            return "";
        }
        return closest(typed, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** Longest name repeated in an error; longer ones are cut, as a hostile request may send megabytes. */
    private static final int SHOWN = 64;

    /** A name as an error repeats it: at most 64 characters, invisible and control characters shown as '?'. */
    public static String shown(String name) {
        String visible = name.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return visible.length() <= SHOWN ? visible : visible.substring(0, SHOWN) + "…";
    }

    /**
     * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps): one wrong,
     * missing, extra or swapped letter each count 1. Stops early once {@code limit} is exceeded.
     */
    public static int distance(CharSequence a, CharSequence b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[m];
    }
}
