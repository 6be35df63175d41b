package mesoscreen.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for ids that are no secret: a request's id, a CDS Hooks card's uuid. They only have
 * to differ, so they are drawn from the calling thread's own generator rather than from the one SecureRandom
 * behind {@link UUID#randomUUID}, which every thread queues for: under load a thread holding its lock is
 * descheduled and the others wait out its time slice (JFR: CDS calls blocked 20–37 ms there, the p99 of the
 * call; README, Performance).
 */
public final class RandomIds {
    private RandomIds() {
    }

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
        return new UUID(high, low).toString();
    }
}
