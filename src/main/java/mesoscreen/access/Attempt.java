package mesoscreen.access;

import java.util.List;

/**
 * One request's claim on the limits, decided at once: the subjects (client address, presented key) whose
 * failure budget a wrong key spends and whose wait holds it back, whether its key was right (checked
 * beforehand, in this replica), and the quota it draws on when it was (null: none).
 */
record Attempt(Budget budget, List<String> subjects, boolean accepted, String quota) {

    /** A failure budget: how many wrong keys each subject may present before it has to wait. */
    enum Budget {
        /** API keys: ten wrong ones per client and per presented key. */
        API(10),
        /** The admin key: three, as it opens more. */
        ADMIN(3);

        final int free;

        Budget(int free) {
            this.free = free;
        }
    }

    /** What became of the attempt; {@code retryAfter} in seconds for the two that must wait. */
    record Decision(Outcome outcome, long retryAfter) {
        static final Decision PASS = new Decision(Outcome.PASS, 0);
        static final Decision WRONG_KEY = new Decision(Outcome.WRONG_KEY, 0);
    }

    enum Outcome { PASS, HELD_BACK, WRONG_KEY, OVER_QUOTA }
}
