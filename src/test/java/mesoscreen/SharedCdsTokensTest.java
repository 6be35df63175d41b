package mesoscreen;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/** Every case of {@link CdsTokensTest}, the replay check among them, with the claimed ids in Redis. */
@QuarkusTest
@TestProfile(SharedCdsTokensTest.Shared.class)
class SharedCdsTokensTest extends CdsTokensTest {

    public static class Shared extends EhrStub.Profile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisResource.class));
        }
    }
}
