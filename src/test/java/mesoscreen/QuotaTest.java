package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An open API (no keys) with a rate limit of 2 a minute per client address, behind this host as
 * the trusted proxy: the addresses are the ones X-Forwarded-For and Forwarded name.
 */
@QuarkusTest
@TestProfile(QuotaTest.Proxied.class)
class QuotaTest {

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.rate-limit-per-minute", "2",
                    "mesoscreen.trusted-proxies", "127.0.0.1,::1/128");
        }
    }

    @TestHTTPResource("/v1/procedures/none")
    URI cheap;

    private static int status(String address) {
        return given().header("X-Forwarded-For", address).get("/v1/procedures").statusCode();
    }

    /**
     * Past 10,000 addresses the old limiter forgot every bucket at once, giving an exhausted client
     * a fresh quota. Now a spray of 10,050 addresses leaves the others' buckets as they were: what
     * each has at the end is what it left plus what came back with time (one request every 30 s).
     */
    @Test
    void aSprayOfAddressesLeavesOtherClientsQuotasAlone() throws Exception {
        String exhausted = "192.0.2.10";
        String halfway = "192.0.2.11";
        long before = System.nanoTime();
        assertEquals(200, status(exhausted));
        assertEquals(200, status(exhausted));
        assertEquals(429, status(exhausted));
        assertEquals(200, status(halfway));
        long after = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> sprayed = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            sprayed.add(pool.submit(() -> {
                int served = 0;
                for (int i = thread; i < 10_050; i += 8) {
                    HttpRequest request = HttpRequest.newBuilder(cheap)
                            .header("X-Forwarded-For", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255))
                            .build();
                    served += client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 404 ? 1 : 0;
                }
                return served;
            }));
        }
        int served = 0;
        for (Future<Integer> thread : sprayed) {
            served += thread.get();
        }
        pool.shutdown();
        assertEquals(10_050, served, "each new address is served once");
        long checking = System.nanoTime();
        int exhaustedGot = served(exhausted, 3);
        int halfwayGot = served(halfway, 3);
        long done = System.nanoTime();
        // Tokens back since then, at the least and at the most, one every 30 s; the old limiter gave 2 each.
        int least = (int) ((checking - after) / 30_000_000_000L);
        int most = (int) ((done - before) / 30_000_000_000L);
        assertTrue(exhaustedGot >= Math.min(2, least) && exhaustedGot <= Math.min(2, most),
                "the exhausted client got " + exhaustedGot + " back after " + (checking - after) / 1e9 + " s");
        assertTrue(halfwayGot >= Math.min(2, 1 + least) && halfwayGot <= Math.min(2, 1 + most),
                "the other client has " + halfwayGot + " left after " + (checking - after) / 1e9 + " s");
        given().header("X-Forwarded-For", halfway).get("/v1/procedures").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("too-many-requests"));
    }

    /** Requests served before the first 429, out of at most {@code tries}. */
    private static int served(String address, int tries) {
        int served = 0;
        while (served < tries && status(address) == 200) {
            served++;
        }
        return served;
    }

    /** The addresses of one IPv6 /64 network are one client; the next network is another. */
    @Test
    void ipv6AddressesCountPerSlash64() {
        assertEquals(200, status("2001:db8:0:1::1"));
        assertEquals(200, status("2001:db8:0:1:ffff:ffff:ffff:fffe"));
        assertEquals(429, status("2001:db8:0:1::abcd"));
        assertEquals(200, status("2001:db8:0:2::1"));
    }

    @Test
    void theStandardForwardedHeaderIsReadToo() {
        for (int i = 0; i < 2; i++) {
            given().header("Forwarded", "for=\"[2001:db8:0:9::1]\"").get("/v1/procedures").then().statusCode(200);
        }
        given().header("Forwarded", "for=\"[2001:db8:0:9::2]\"").get("/v1/procedures").then().statusCode(429);
        given().header("Forwarded", "for=192.0.2.99").get("/v1/procedures").then().statusCode(200);
    }
}
