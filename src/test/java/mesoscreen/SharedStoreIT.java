package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged service behind one public URL, sharing one real redis-server, as the
 * Kubernetes manifests run them: a token is accepted once in all, a clinic's quota and a guesser's budget
 * are one across both, an outage of the store is lived through and its return picked up without a restart,
 * and the store never holds a key or anything a patient sent.
 */
class SharedStoreIT {
    private static final String KEY_A = "clinic-a-key-0123456789";
    private static final String KEY_B = "clinic-b-key-0123456789";
    /** A clinic whose screenings warm both replicas up, so that 70 calls take a second, not the JIT's three. */
    private static final String KEY_W = "clinic-w-key-0123456789";
    private static final String PUBLIC = "https://screening.clinic.example";
    private static final String SERVICE = "/cds-services/mesoscreen-appointment-book";
    private static final String CDS_BODY = Fhir.appointmentBook("hydralift",
            Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of()), null);
    private static final Map<String, Object> INTAKE = Intakes.healthyWoman(34).body();

    @TempDir
    static Path logs;
    private static RedisServer redis;
    private static final List<Process> replicas = new ArrayList<>();
    private static final int[] ports = new int[2];

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        redis = RedisServer.start();
        for (int i = 0; i < 2; i++) {
            ports[i] = freePort();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "target/quarkus-app/quarkus-run.jar"))
                    .redirectErrorStream(true).redirectOutput(logs.resolve("replica-" + i + ".log").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("MESOSCREEN_"));
            builder.environment().putAll(Map.of(
                    "QUARKUS_HTTP_PORT", String.valueOf(ports[i]),
                    "MESOSCREEN_REDIS_URL", redis.url(),
                    "MESOSCREEN_API_KEYS", "clinic-a=" + KEY_A + ",clinic-b=" + KEY_B + ",clinic-w=" + KEY_W,
                    "MESOSCREEN_RATE_LIMIT_PER_MINUTE", "60",
                    "MESOSCREEN_TRUSTED_PROXIES", "127.0.0.1,::1/128",
                    "MESOSCREEN_PUBLIC_BASE_URL", PUBLIC,
                    "MESOSCREEN_CDS_TRUSTED_ISSUERS", EhrStub.ISSUER + "|" + EhrStub.base() + "/jwks",
                    "MESOSCREEN_CDS_FHIR_SERVERS", EhrStub.base() + "/fhir"));
            replicas.add(builder.start());
        }
        for (int i = 0; i < 2; i++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!ready(i)) {
                assertTrue(System.nanoTime() < deadline && replicas.get(i).isAlive(), "replica " + i + " did not start");
                Thread.sleep(250);
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process replica : replicas) {
            replica.destroy();
            if (!replica.waitFor(20, TimeUnit.SECONDS)) {
                replica.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static boolean ready(int i) {
        try {
            return replica(i).get("/q/health/ready").statusCode() == 200;
        } catch (Exception notListeningYet) { // RestAssured throws the ConnectException unchecked
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static RequestSpecification replica(int i) {
        return given().baseUri("http://127.0.0.1").port(ports[i]);
    }

    private static int status(Response response) {
        return response.statusCode();
    }

    private static Response signed(int i, String token) {
        return replica(i).header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(CDS_BODY)
                .post(SERVICE);
    }

    private static String token() {
        return EhrStub.token(PUBLIC + SERVICE);
    }

    /**
     * {@code count} screenings of one clinic from one address, the n-th to replica n % 2, eight at a time, as
     * a clinic's busy front desk sends them: fast enough that the quota refills by a token or two meanwhile.
     */
    private static List<Integer> burst(int count, String address, String key) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = new ObjectMapper().writeValueAsString(INTAKE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[n % 2] + "/v1/screenings"))
                        .header("X-Forwarded-For", address).header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static Response screen(int i, String address, String key) {
        return replica(i).header("X-Forwarded-For", address).header("X-API-Key", key).contentType(ContentType.JSON)
                .body(INTAKE).post("/v1/screenings");
    }

    @Test
    void twoReplicasKeepOneSetOfPromises() throws Exception {
        // Both replicas warmed up first, their first calls to the store made: on a busy CI machine a replica's
        // very first call can outlast the store's time-out, and is then refused (503), as it should be.
        burst(60, "192.0.2.99", KEY_W);
        // A token accepted by one replica is refused by the other.
        String token = token();
        assertEquals(200, status(signed(0, token)));
        Response replayed = signed(1, token);
        assertEquals(401, status(replayed), replayed.asString());
        assertTrue(replayed.asString().contains("jti has been used before"), replayed.asString());

        // 70 calls of one clinic, alternating, against 60 a minute: the quota is one.
        long started = System.nanoTime();
        List<Integer> statuses = burst(70, "198.51.100.7", KEY_A);
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 429), statuses.toString());
        int limited = (int) statuses.stream().filter(status -> status == 429).count();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(limited >= 8, limited + " of 70 calls in " + took + " ms got 429");

        // Key guesses, alternating, meet 429 by the 12th; the clinic's own key from another address works.
        int firstRefused = 0;
        for (int n = 1; n <= 12 && firstRefused == 0; n++) {
            Response guess = screen(n % 2, "203.0.113.50", "guess-" + n + "-0123456789");
            if (guess.statusCode() == 429) {
                firstRefused = n;
                assertNotNull(guess.header("Retry-After"));
            } else {
                assertEquals(401, guess.statusCode(), guess.asString());
            }
        }
        assertTrue(firstRefused > 0, "12 guesses across two replicas and no 429");
        assertEquals(200, status(screen(0, "192.0.2.80", KEY_B)));
        assertEquals(200, status(screen(1, "192.0.2.80", KEY_B)));
        assertNothingSecretIn(redis.everything());

        // The store goes away: signed calls are refused with Retry-After, keyed screenings go on.
        redis.stop();
        for (int i = 0; i < 2; i++) {
            Response refused = signed(i, token());
            assertEquals(503, refused.statusCode(), refused.asString());
            assertNotNull(refused.header("Retry-After"), "Retry-After on replica " + i);
            assertTrue(refused.asString().contains("temporarily-unavailable"), refused.asString());
            assertEquals(200, status(screen(i, "192.0.2.81", KEY_B)));
        }

        // It comes back: within 10 s both replicas accept signed calls again, without a restart.
        redis.resume();
        long back = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            while (status(signed(i, token())) != 200) {
                assertTrue(System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10), "replica " + i + " still refuses");
                Thread.sleep(250);
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        String again = token();
        assertEquals(200, status(signed(1, again)));
        assertEquals(401, status(signed(0, again)), "replays are caught again across replicas");
        for (int n = 0; n < 4; n++) {
            screen(n % 2, "203.0.113.51", "guess-after-" + n + "-0123456789");
            screen(n % 2, "192.0.2.82", KEY_A);
        }
        assertNothingSecretIn(redis.everything());
        System.out.println("SharedStoreIT: " + limited + " of 70 got 429 in " + took + " ms; guesses refused from the " + firstRefused
                + "th; signed calls back " + seconds + " ms after the store");
    }

    /** No key, value or stream holds an API key, a guess, or a string of the intakes and charts sent. */
    private static void assertNothingSecretIn(List<String> stored) {
        assertFalse(stored.isEmpty(), "the store is used");
        String all = String.join("\n", stored);
        Collection<String> secrets = new TreeSet<>(List.of(KEY_A, KEY_B, KEY_W, "guess-", "clinic-",
                EhrStub.ISSUER, "hydralift", "pat-1"));
        strings(INTAKE, secrets);
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "'" + secret + "' in the store:\n" + all);
        }
        for (String line : stored) {
            assertFalse(line.contains(" ttl=-1 "), "every entry expires: " + line);
        }
    }

    private static void strings(Object value, Collection<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                strings(k, into);
                strings(v, into);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> strings(v, into));
        } else if (value instanceof String text && text.length() >= 4) {
            into.add(text);
        }
    }
}
