package mesoscreen.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import mesoscreen.access.Replays.Claim;
import org.junit.jupiter.api.Test;

/** A replica's own replay check: an id once while its token lives, and a bounded memory that refuses when full. */
class RememberedIdsTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long LIVES_TO = NOW / 1000 + 300;

    @Test
    void anIdIsAcceptedOnceWhileItsTokenLives() {
        RememberedIds ids = new RememberedIds(10);
        assertEquals(Claim.FIRST, ids.claim("ehr\njti-1", LIVES_TO, NOW));
        assertEquals(Claim.REPLAYED, ids.claim("ehr\njti-1", LIVES_TO, NOW + 299_000));
        assertEquals(Claim.REPLAYED, ids.claim("ehr\njti-1", LIVES_TO, NOW + 300_000));
        assertEquals(Claim.FIRST, ids.claim("ehr\njti-2", LIVES_TO, NOW));
        // Once its token has expired an id means nothing (the token itself is refused as expired before this).
        assertEquals(Claim.FIRST, ids.claim("ehr\njti-1", LIVES_TO + 600, NOW + 301_000));
    }

    @Test
    void aFullMemoryOfLivingIdsRefusesNewCallsAndStillNamesReplays() {
        RememberedIds ids = new RememberedIds(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Claim.FIRST, ids.claim("ehr\n" + i, LIVES_TO, NOW));
        }
        for (int i = 3; i < 10; i++) {
            assertEquals(Claim.TOO_MANY, ids.claim("ehr\n" + i, LIVES_TO, NOW + i * 1000L));
        }
        assertEquals(Claim.REPLAYED, ids.claim("ehr\n1", LIVES_TO, NOW + 10_000));
        assertEquals(3, ids.size());
    }

    @Test
    void expiredIdsMakeRoomAtTheNextLookWhichIsMadeAtMostOnceASecond() {
        RememberedIds ids = new RememberedIds(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Claim.FIRST, ids.claim("ehr\n" + i, NOW / 1000 + 10 * (i + 1), NOW));
        }
        // Full and nothing expired: looked, refused.
        assertEquals(Claim.TOO_MANY, ids.claim("ehr\nnew", LIVES_TO, NOW + 9_600));
        // The first id expires at +10 s, but within a second of the last look no new look is made.
        assertEquals(Claim.TOO_MANY, ids.claim("ehr\nnew", LIVES_TO, NOW + 10_500));
        // A second after the last look: the expired id goes, the call is accepted, the living ids stay.
        assertEquals(Claim.FIRST, ids.claim("ehr\nnew", LIVES_TO, NOW + 10_600));
        assertEquals(3, ids.size());
        assertEquals(Claim.REPLAYED, ids.claim("ehr\n1", LIVES_TO, NOW + 10_600));
        assertEquals(Claim.REPLAYED, ids.claim("ehr\nnew", LIVES_TO, NOW + 10_600));
    }

    @Test
    void ofManyCallsWithOneIdAtOnceOneIsAccepted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                RememberedIds ids = new RememberedIds(10);
                // An expired claim of the id first, for half the rounds: then the calls race to renew it.
                if (round % 2 == 0) {
                    ids.claim("ehr\nraced", NOW / 1000 - 1, NOW - 10_000);
                }
                List<Callable<Claim>> calls = IntStream.range(0, 8)
                        .<Callable<Claim>>mapToObj(i -> () -> ids.claim("ehr\nraced", LIVES_TO, NOW)).toList();
                long first = 0;
                for (Future<Claim> claim : threads.invokeAll(calls)) {
                    first += claim.get() == Claim.FIRST ? 1 : 0;
                }
                assertEquals(1, first, "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Whoever runs the service learns why calls are refused, once a minute at most, and no token id. */
    @Test
    void refusalsForWantOfRoomAreToldOnceAMinute() {
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(String.format(record.getMessage(), record.getParameters() == null ? new Object[0]
                        : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RememberedIds.class.getName());
        logger.addHandler(capture);
        try {
            RememberedIds ids = new RememberedIds(2);
            ids.claim("ehr\nsecret-jti-1", LIVES_TO, NOW);
            ids.claim("ehr\nsecret-jti-2", LIVES_TO, NOW);
            for (int i = 0; i < 30; i++) {
                assertEquals(Claim.TOO_MANY, ids.claim("ehr\nrefused-" + i, LIVES_TO, NOW + i * 1000L));
            }
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals(Claim.TOO_MANY, ids.claim("ehr\nlater", LIVES_TO, NOW + 60_000));
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("MESOSCREEN_REDIS_URL"), warnings.get(0));
            String said = String.join(" ", warnings);
            assertFalse(said.contains("secret") || said.contains("refused-") || said.contains("later"), said);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
