package mesoscreen;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/** Every case of {@link AccessControlTest}, with the failure budgets and quotas in a real redis-server. */
@QuarkusTest
@TestProfile(SharedAccessControlTest.Shared.class)
class SharedAccessControlTest extends AccessControlTest {

    public static class Shared extends AccessControlTest.Keys {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisResource.class));
        }
    }
}
