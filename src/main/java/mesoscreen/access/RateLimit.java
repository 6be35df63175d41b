package mesoscreen.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * A token bucket per client: {@code perMinute} requests, refilled continuously. The buckets live in
 * a cache bounded in size that forgets the least recently and least often used one at a time, so a
 * flood of new addresses can neither exhaust memory nor reset the buckets of clients in use. A
 * bucket idle for a minute is full again, so forgetting it then changes nothing.
 */
final class RateLimit {
    private final int perMinute;
    private final Cache<String, Bucket> buckets;

    RateLimit(int perMinute, int clients) {
        this.perMinute = perMinute;
        this.buckets = Caffeine.newBuilder().maximumSize(clients).expireAfterAccess(Duration.ofMinutes(1))
                .executor(Runnable::run).build();
    }

    int perMinute() {
        return perMinute;
    }

    /** 0 when the client may go on; else the seconds until it may. */
    long take(String client) {
        return buckets.get(client, c -> new Bucket(perMinute)).take(System.nanoTime());
    }

    private static final class Bucket {
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(int perMinute) {
            this.capacity = perMinute;
            this.tokens = perMinute;
            this.last = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 60e9 * capacity);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60 / capacity);
        }
    }
}
