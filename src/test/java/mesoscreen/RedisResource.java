package mesoscreen;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a real redis-server for a {@code @QuarkusTest} profile and names it in MESOSCREEN_REDIS_URL. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
    /** The server of the profile running now, for tests that stop and start it. */
    static volatile RedisServer server;

    @Override
    public Map<String, String> start() {
        server = RedisServer.start();
        return Map.of("mesoscreen.redis-url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
