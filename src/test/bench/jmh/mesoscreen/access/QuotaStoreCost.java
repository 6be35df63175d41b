package mesoscreen.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One quota decision in the shared store, three ways, against a redis-server on loopback: our script
 * ({@link Limits#SCRIPT}, by its hash with EVALSHA as the service sends it, and whole with EVAL) through
 * Quarkus's Vert.x Redis client, and Bucket4j's Redis bucket (compare-and-swap over Lettuce, the only
 * Redis integration it has for a non-Redisson, non-Jedis client). For each: microseconds per decision
 * for one caller waiting on each answer, decisions a second for 32 in flight on one key (two busy
 * replicas of one clinic), and the Redis commands each decision costs (INFO commandstats).
 *
 * <pre>
 * redis-server --port 6390 --save '' &amp;
 * ./mvnw -Pbench test-compile exec:exec -Dexec.args="-classpath %classpath mesoscreen.access.QuotaStoreCost 6390"
 * </pre>
 */
public final class QuotaStoreCost {
    private static final int WARMUP = 20_000;
    private static final int SEQUENTIAL = 20_000;
    private static final int CONCURRENT = 100_000;
    private static final int IN_FLIGHT = 32;

    private QuotaStoreCost() {
    }

    interface Decider {
        CompletableFuture<?> decide();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:" + port)
                .setMaxPoolSize(8).setMaxPoolWaiting(10_000));
        String sha = redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(Limits.SCRIPT))
                .toCompletionStage().toCompletableFuture().get().toString();
        // 10^9 a minute: the bucket never refuses, so every decision does the whole work.
        Decider eval = () -> script(redis, Request.cmd(Command.EVAL).arg(Limits.SCRIPT), "eval");
        Decider evalsha = () -> script(redis, Request.cmd(Command.EVALSHA).arg(sha), "evalsha");

        RedisClient lettuce = RedisClient.create("redis://127.0.0.1:" + port);
        StatefulRedisConnection<byte[], byte[]> connection = lettuce.connect(ByteArrayCodec.INSTANCE);
        ProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(connection).build();
        Supplier<BucketConfiguration> configuration = () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1_000_000_000L).refillGreedy(1_000_000_000L, Duration.ofMinutes(1)).build())
                .build();
        byte[] key = "bench:bucket4j:clinic".getBytes(StandardCharsets.UTF_8);
        Decider bucket4j = () -> buckets.asAsync().builder().build(key, () -> CompletableFuture.completedFuture(configuration.get()))
                .tryConsume(1);

        for (String name : List.of("EVAL (script sent whole)", "EVALSHA (the service)", "Bucket4j CAS over Lettuce")) {
            Decider decider = name.startsWith("EVAL ") ? eval : name.startsWith("EVALSHA") ? evalsha : bucket4j;
            sequential(decider, WARMUP);
            long commands = commands(redis);
            double micros = sequential(decider, SEQUENTIAL);
            double perDecision = (commands(redis) - commands) / (double) SEQUENTIAL;
            commands = commands(redis);
            double rate = concurrent(decider);
            double contended = (commands(redis) - commands) / (double) CONCURRENT;
            System.out.printf("%-26s %6.1f µs a decision (one caller), %4.1f Redis commands each | %6.0f decisions/s"
                    + " (%d in flight on one key), %4.1f commands each%n", name, micros, perDecision, rate, IN_FLIGHT, contended);
        }
        connection.close();
        lettuce.shutdown();
        redis.close();
        vertx.close();
    }

    private static CompletableFuture<?> script(Redis redis, Request request, String how) {
        request.arg(1).arg("bench:" + how + ":clinic").arg(1).arg(10).arg(5000).arg(600_000).arg(900_000)
                .arg("0.00006").arg("60000").arg(0);
        Future<?> answer = redis.send(request);
        return answer.toCompletionStage().toCompletableFuture();
    }

    private static double sequential(Decider decider, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            decider.decide().get();
        }
        return (System.nanoTime() - start) / 1000.0 / count;
    }

    private static double concurrent(Decider decider) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<?>> window = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            window.add(decider.decide());
            if (window.size() == IN_FLIGHT) {
                for (CompletableFuture<?> f : window) {
                    f.get();
                }
                window.clear();
            }
        }
        for (CompletableFuture<?> f : window) {
            f.get();
        }
        return CONCURRENT / ((System.nanoTime() - start) / 1e9);
    }

    /** Every command Redis has run so far, scripts' inner calls included. */
    private static long commands(Redis redis) throws Exception {
        String info = redis.send(Request.cmd(Command.INFO).arg("commandstats")).toCompletionStage().toCompletableFuture()
                .get().toString();
        long total = 0;
        for (String line : info.split("\r?\n")) {
            int at = line.indexOf("calls=");
            if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info") && at > 0) {
                total += Long.parseLong(line.substring(at + 6, line.indexOf(',', at)));
            }
        }
        return total;
    }
}
