package mesoscreen.rules.condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a condition with its explanation: for a decided value the facts that decided it,
 * for an unknown one the facts that are missing. A true value may end: {@code until} is the first
 * day it no longer holds (a deferral window closing), null when it holds with no known end.
 */
public record Result(Truth truth, List<String> evidence, List<String> missing, LocalDate until) {

    public static Result decided(boolean value, String evidence) {
        return new Result(Truth.of(value), List.of(evidence), List.of(), null);
    }

    public static Result decided(boolean value, List<String> evidence) {
        return new Result(Truth.of(value), evidence, List.of(), null);
    }

    public static Result trueUntil(LocalDate until, List<String> evidence) {
        return new Result(Truth.TRUE, evidence, List.of(), until);
    }

    public static Result unknown(String missing) {
        return new Result(Truth.UNKNOWN, List.of(), List.of(missing), null);
    }

    /** The negation; when a window closes is not known for its opposite. */
    public Result not() {
        return new Result(truth.not(), evidence, missing, null);
    }

    /** Combines children: {@code any} when {@code decisive} is TRUE, {@code all} when FALSE. */
    static Result combine(List<Result> children, Truth decisive) {
        Truth other = decisive.not();
        boolean unknown = false;
        for (Result child : children) {
            if (child.truth == decisive) {
                return new Result(decisive, collect(children, decisive, false), List.of(),
                        decisive == Truth.TRUE ? latestEnd(children) : null);
            }
            unknown |= child.truth == Truth.UNKNOWN;
        }
        if (unknown) {
            return new Result(Truth.UNKNOWN, List.of(), collect(children, Truth.UNKNOWN, true), null);
        }
        return new Result(other, collect(children, other, false), List.of(),
                other == Truth.TRUE ? earliestEnd(children) : null);
    }

    /** any(...) holds while one true child does: until the last end, or for good if one never ends. */
    private static LocalDate latestEnd(List<Result> children) {
        LocalDate latest = null;
        for (Result child : children) {
            if (child.truth == Truth.TRUE) {
                if (child.until == null) {
                    return null;
                }
                latest = latest == null || child.until.isAfter(latest) ? child.until : latest;
            }
        }
        return latest;
    }

    /** all(...) holds while every child does: until the first end. */
    private static LocalDate earliestEnd(List<Result> children) {
        LocalDate earliest = null;
        for (Result child : children) {
            if (child.until != null && (earliest == null || child.until.isBefore(earliest))) {
                earliest = child.until;
            }
        }
        return earliest;
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
