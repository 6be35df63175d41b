package mesoscreen.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import mesoscreen.MesoscreenConfig;
import mesoscreen.settings.RedisUrl;
import mesoscreen.settings.StartupSettings;
import org.jboss.logging.Logger;

/**
 * The Redis every replica shares ({@code MESOSCREEN_REDIS_URL}), through Quarkus's (Vert.x) Redis client.
 * Its outages are expected and survived: a call that fails or takes longer than {@link #TIMEOUT} marks the
 * store unreachable, and from then on calls fail at once, without waiting on a network, until a PING
 * (one a second) answers again. Callers fall back to this replica's limits, or refuse what must not go
 * unchecked (a signed CDS Hooks call). The outage is logged when it starts, once a minute while it lasts,
 * and when it ends; {@code mesoscreen_shared_store_up} and the {@code shared-store} wellness check show it.
 */
@Startup
@Singleton
public class SharedStore {
    private static final Logger LOG = Logger.getLogger(SharedStore.class);
    /** Longer than a Redis next door ever takes (well under a millisecond), short enough not to hold calls up. */
    static final Duration TIMEOUT = Duration.ofMillis(500);
    /** What a caller refused for the outage is told to wait: a few probes. */
    public static final long RETRY_AFTER_SECONDS = 5;
    private static final long PROBE_MILLIS = 1000;
    private static final long LOG_EVERY_MILLIS = 60_000;

    private final Redis redis;
    private final Vertx vertx;
    private final String address;
    private final Counter failures;
    private final AtomicLong lastWarned = new AtomicLong();
    private volatile boolean reachable;
    private volatile Instant since = Instant.now();
    private volatile String problem;
    private long probe = -1;

    // StartupSettings first: a malformed URL is reported with every other bad setting, never here.
    SharedStore(MesoscreenConfig config, Vertx vertx, MeterRegistry meters, StartupSettings settings) {
        this.vertx = vertx;
        this.failures = Counter.builder("mesoscreen.shared.store.failures")
                .description("Calls to the shared store (Redis) that failed or timed out").register(meters);
        String url = config.redisUrl().map(String::trim).orElse("");
        if (url.isEmpty()) {
            this.redis = null;
            this.address = null;
            return;
        }
        this.address = RedisUrl.address(url);
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(16).setMaxPoolWaiting(1024)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) TIMEOUT.toMillis())
                        .setTcpNoDelay(true).setTcpKeepAlive(true));
        this.redis = Redis.createClient(vertx, options);
        Gauge.builder("mesoscreen.shared.store.up", this, store -> store.reachable ? 1 : 0)
                .description("1 while the shared store (Redis) answers, 0 during an outage").register(meters);
        ping().await().indefinitely();
        probe = vertx.setPeriodic(PROBE_MILLIS, id -> ping().subscribe().with(ok -> { }, e -> { }));
    }

    /** Whether MESOSCREEN_REDIS_URL names a store; without one, every limit is this replica's. */
    public boolean configured() {
        return redis != null;
    }

    /** Whether the store answered its last call; false during an outage and when there is none. */
    public boolean reachable() {
        return redis != null && reachable;
    }

    /** The command's answer; fails at once with {@link StoreUnavailable} during an outage. */
    Uni<Response> send(Request request) {
        if (!reachable()) {
            return Uni.createFrom().failure(new StoreUnavailable(problem));
        }
        return call(request);
    }

    private Uni<Response> call(Request request) {
        return Uni.createFrom().completionStage(() -> redis.send(request).toCompletionStage())
                .ifNoItem().after(TIMEOUT).failWith(() -> new StoreUnavailable("no answer within " + TIMEOUT.toMillis() + " ms"))
                .onFailure(e -> !unknownScript(e)).invoke(this::failed)
                .onFailure(e -> !(e instanceof StoreUnavailable) && !unknownScript(e))
                .transform(e -> new StoreUnavailable(describe(e)));
    }

    /** The store's answer to EVALSHA of a script it has not seen (since it started): not an outage. */
    static boolean unknownScript(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static String describe(Throwable e) {
        return e instanceof StoreUnavailable ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private Uni<Void> ping() {
        return call(Request.cmd(io.vertx.redis.client.Command.PING)).invoke(this::answered).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private void answered(Response ignored) {
        if (!reachable) {
            boolean before = problem != null;
            reachable = true;
            problem = null;
            if (before) {
                LOG.infof("The shared store (Redis at %s) answers again after %d s: limits and replay checks are"
                        + " shared again", address, Duration.between(since, Instant.now()).toSeconds());
            }
            since = Instant.now();
        }
    }

    private void failed(Throwable e) {
        failures.increment();
        String what = describe(e);
        if (reachable || problem == null) {
            reachable = false;
            since = Instant.now();
            problem = what;
            lastWarned.set(0);
        }
        problem = what;
        warn();
    }

    /** At the start of an outage and once a minute while it lasts. */
    private void warn() {
        long now = System.currentTimeMillis();
        long last = lastWarned.get();
        if (now - last >= LOG_EVERY_MILLIS && lastWarned.compareAndSet(last, now)) {
            LOG.warnf("The shared store (Redis at %s) is unreachable since %s (%s): each replica keeps its own rate"
                    + " limit and failure budgets, and signed CDS Hooks calls are answered 503 until it is back",
                    address, since, problem);
        }
    }

    /** For the wellness check: what is wrong, and since when. */
    Status status() {
        return new Status(configured(), reachable(), address, since, problem);
    }

    record Status(boolean configured, boolean reachable, String address, Instant since, String problem) {
    }

    @PreDestroy
    void close() {
        if (probe >= 0) {
            vertx.cancelTimer(probe);
        }
        if (redis != null) {
            redis.close();
        }
    }
}
