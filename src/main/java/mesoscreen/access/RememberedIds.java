package mesoscreen.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The signed calls' ids this replica has accepted, each until its token expires, and at most {@code capacity}
 * of them: the replay check of a replica without a shared store. When it is full, expired ids are looked for
 * at most once a second: a full memory of unexpired ids then refuses each call at once, instead of every call
 * reading all of them again (100,000 ids: milliseconds of CPU a call, just when calls come fastest).
 */
final class RememberedIds {
    private static final long PURGE_INTERVAL_MILLIS = 1000;
    /** How often an operator is told, at most, that calls are being refused for want of room. */
    private static final long WARNING_INTERVAL_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(RememberedIds.class);

    private final int capacity;
    /** id to the second its token expires. */
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicLong lastPurge = new AtomicLong(-PURGE_INTERVAL_MILLIS);
    private final AtomicLong lastWarning = new AtomicLong(-WARNING_INTERVAL_MILLIS);

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
                warn(nowMillis);
                return Replays.Claim.TOO_MANY;
            }
        }
        // Of two calls with the same id at once, one claims it.
        boolean claimed = before == null ? expiries.putIfAbsent(id, expires) == null
                : expiries.replace(id, before, expires);
        return claimed ? Replays.Claim.FIRST : Replays.Claim.REPLAYED;
    }

    /** The refused caller is told to retry; whoever runs the service is told why, once a minute at most. */
    private void warn(long nowMillis) {
        long last = lastWarning.get();
        if (nowMillis - last >= WARNING_INTERVAL_MILLIS && lastWarning.compareAndSet(last, nowMillis)) {
            LOG.warnf("Signed calls refused: this replica already remembers %d unexpired token ids, the most it"
                    + " keeps without a shared store. Set MESOSCREEN_REDIS_URL to check replays in Redis instead.",
                    capacity);
        }
    }

    int size() {
        return expiries.size();
    }
}
