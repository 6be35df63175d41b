package mesoscreen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A random id is a UUID as {@link UUID#randomUUID} makes them: version 4, IETF variant, no repeats. */
class RandomIdsTest {
    @Test
    void newIdsAreVersion4UuidsThatDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RandomIds.uuid();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            seen.add(id);
        }
        assertEquals(100_000, seen.size());
    }

    /** Each thread draws from its own generator: threads must not repeat each other's ids either. */
    @Test
    void idsDrawnOnManyThreadsDoNotRepeat() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> draws = IntStream.range(0, 8)
                    .<Callable<List<String>>>mapToObj(t -> () -> IntStream.range(0, 25_000)
                            .mapToObj(i -> RandomIds.uuid()).toList())
                    .toList();
            Set<String> seen = new HashSet<>();
            for (Future<List<String>> drawn : threads.invokeAll(draws)) {
                seen.addAll(drawn.get());
            }
            assertEquals(200_000, seen.size());
        } finally {
            threads.shutdownNow();
        }
    }
}
