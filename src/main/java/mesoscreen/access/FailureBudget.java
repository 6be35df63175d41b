package mesoscreen.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import mesoscreen.http.Refusal;

/**
 * Failed authentications allowed per subject (a client address, a presented key): {@code free} of
 * them, then each further failure closes the subject for twice as long as the one before, from five
 * seconds up to ten minutes. A subject without a failure for fifteen minutes starts afresh. Bounded
 * like {@link RateLimit}, so a spray of subjects cannot push out the ones being held back.
 */
final class FailureBudget {
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final Duration MEMORY = Duration.ofMinutes(15);

    private final int free;
    private final Cache<String, Failures> failures;

    private record Failures(int count, long closedUntil) {
    }

    FailureBudget(int free, int subjects) {
        this.free = free;
        this.failures = Caffeine.newBuilder().maximumSize(subjects).expireAfterWrite(MEMORY)
                .executor(Runnable::run).build();
    }

    /** Seconds until every one of these subjects may try again; 0 when none is held back. */
    long wait(String... subjects) {
        long now = System.nanoTime();
        long longest = 0;
        for (String subject : subjects) {
            Failures seen = failures.getIfPresent(subject);
            if (seen != null && seen.closedUntil() - now > 0) {
                longest = Math.max(longest, seen.closedUntil() - now);
            }
        }
        return longest == 0 ? 0 : Math.max(1, (long) Math.ceil(longest / 1e9));
    }

    /** The 429 of a subject held back for {@code wait} seconds. */
    static Refusal refusal(long wait) {
        return Refusal.tooManyRequests("too many wrong keys from this client or with this key", wait);
    }

    void fail(String... subjects) {
        long now = System.nanoTime();
        for (String subject : subjects) {
            failures.asMap().compute(subject, (s, seen) -> {
                int count = seen == null ? 1 : seen.count() + 1;
                return new Failures(count, count <= free ? now : now + closedFor(count - free));
            });
        }
    }

    static final long FIRST_WAIT_SECONDS = 5;

    /** The n-th failure over the free ones closes for 5 * 2^(n-1) seconds, at most {@link #LONGEST}. */
    private static long closedFor(int over) {
        long seconds = FIRST_WAIT_SECONDS << Math.min(over - 1, 20);
        return Math.min(seconds, LONGEST.toSeconds()) * 1_000_000_000L;
    }
}
