package mesoscreen.rules.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of a condition with its explanation: for a decided value the facts that decided it,
 * for an unknown one the facts that are missing.
 */
public record Result(Truth truth, List<String> evidence, List<String> missing) {

    public static Result decided(boolean value, String evidence) {
        return new Result(Truth.of(value), List.of(evidence), List.of());
    }

    public static Result decided(boolean value, List<String> evidence) {
        return new Result(Truth.of(value), evidence, List.of());
    }

    public static Result unknown(String missing) {
        return new Result(Truth.UNKNOWN, List.of(), List.of(missing));
    }

    public Result not() {
        return new Result(truth.not(), evidence, missing);
    }

    /** Combines children: {@code any} when {@code decisive} is TRUE, {@code all} when FALSE. */
    static Result combine(List<Result> children, Truth decisive) {
        Truth other = decisive.not();
        boolean unknown = false;
        for (Result child : children) {
            if (child.truth == decisive) {
                return new Result(decisive, collect(children, decisive, false), List.of());
            }
            unknown |= child.truth == Truth.UNKNOWN;
        }
        return unknown
                ? new Result(Truth.UNKNOWN, List.of(), collect(children, Truth.UNKNOWN, true))
                : new Result(other, collect(children, other, false), List.of());
    }

    private static List<String> collect(List<Result> children, Truth truth, boolean missing) {
        List<String> out = new ArrayList<>();
        for (Result child : children) {
            if (child.truth == truth) {
                for (String item : missing ? child.missing : child.evidence) {
                    if (!out.contains(item)) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }
}
