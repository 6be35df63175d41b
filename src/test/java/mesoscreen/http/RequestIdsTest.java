package mesoscreen.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A new request id is a random UUID as {@link UUID#randomUUID} makes them: version 4, IETF variant, no repeats. */
class RequestIdsTest {
    @Test
    void newIdsAreVersion4UuidsThatDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.newId();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            seen.add(id);
        }
        assertEquals(100_000, seen.size());
    }
}
