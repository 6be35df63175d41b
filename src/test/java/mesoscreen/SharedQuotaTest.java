package mesoscreen;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/** Every case of {@link QuotaTest} (IPv6 per /64, Forwarded, a spray of addresses), with the quotas in Redis. */
@QuarkusTest
@TestProfile(SharedQuotaTest.Shared.class)
class SharedQuotaTest extends QuotaTest {

    public static class Shared extends QuotaTest.Proxied {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisResource.class));
        }
    }
}
