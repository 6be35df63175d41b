package mesoscreen.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signed calls' ids this replica has accepted, each until its token expires, and at most {@code capacity}
 * of them: the replay check of a replica without a shared store. When it is full, expired ids are looked for
 * at most once a {@link #PURGE_INTERVAL_MILLIS}: a full memory of unexpired ids then refuses each call at
 * once, instead of every call reading all of them again (100,000 ids: milliseconds of CPU a call, just
 * when calls come fastest).
 */
final class RememberedIds {
    static final long PURGE_INTERVAL_MILLIS = 1000;

    private final int capacity;
    /** id to the second its token expires. */
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicLong lastPurge = new AtomicLong(-PURGE_INTERVAL_MILLIS);

    RememberedIds(int capacity) {
        this.capacity = capacity;
    }

    /** Claims {@code id} for a token that expires at {@code expires} (epoch seconds). */
    Replays.Claim claim(String id, long expires, long nowMillis) {
        Long before = expiries.get(id);
        if (before != null && before * 1000 >= nowMillis) {
            return Replays.Claim.REPLAYED;
        }
        if (before == null && expiries.size() >= capacity) {
            long last = lastPurge.get();
            if (nowMillis - last >= PURGE_INTERVAL_MILLIS && lastPurge.compareAndSet(last, nowMillis)) {
                expiries.values().removeIf(expiry -> expiry * 1000 < nowMillis);
            }
            if (expiries.size() >= capacity) {
                return Replays.Claim.TOO_MANY;
            }
        }
        // Of two calls with the same id at once, one claims it.
        boolean claimed = before == null ? expiries.putIfAbsent(id, expires) == null
                : expiries.replace(id, before, expires);
        return claimed ? Replays.Claim.FIRST : Replays.Claim.REPLAYED;
    }

    int size() {
        return expiries.size();
    }
}
