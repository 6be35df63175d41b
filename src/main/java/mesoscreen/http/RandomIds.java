package mesoscreen.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for ids that are no secret: a request's id, a CDS Hooks card's uuid. They only have
 * to differ, so they are drawn from the calling thread's own generator rather than from the one SecureRandom
 * behind {@link UUID#randomUUID}, which every thread queues for (JFR under CDS Hooks load: calls waited up to
 * 37 ms on its lock; README, Performance).
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
