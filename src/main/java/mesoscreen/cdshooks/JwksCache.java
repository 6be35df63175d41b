package mesoscreen.cdshooks;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The JWK Sets of the trusted issuers, fetched on first use and kept; fetched again when a token names a key
 * that is not in it (at most every {@link #REFRESH_FLOOR}, so unknown kids cannot make us hammer the EHR),
 * and after {@link #MAX_AGE}, so that withdrawn keys go.
 */
@Singleton
class JwksCache {
    static final Duration REFRESH_FLOOR = Duration.ofSeconds(10);
    static final Duration MAX_AGE = Duration.ofHours(1);
    private static final int MAX_BYTES = 64 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(ChartFetcher.TIMEOUT)
            .build();
    private final Clock clock;
    private final Map<URI, Keys> cache = new ConcurrentHashMap<>();

    private record Keys(List<JsonWebKey> keys, long fetchedAt) {
    }

    JwksCache(Clock clock) {
        this.clock = clock;
    }

    /** The issuer's key that verifies {@code jws}: by kid, else the one key of the right type. */
    Key key(URI jwks, JsonWebSignature jws) throws UnresolvableKeyException {
        long now = clock.millis();
        Keys keys = cache.get(jwks);
        if (keys == null || now - keys.fetchedAt() > MAX_AGE.toMillis()) {
            keys = fetch(jwks, keys);
        }
        JsonWebKey found = select(jws, keys);
        if (found == null && now - keys.fetchedAt() > REFRESH_FLOOR.toMillis()) {
            found = select(jws, fetch(jwks, null));
        }
        if (found == null) {
            throw new UnresolvableKeyException("no key of the issuer's JWK Set verifies this token");
        }
        return found.getKey();
    }

    private static JsonWebKey select(JsonWebSignature jws, Keys keys) throws UnresolvableKeyException {
        try {
            return new VerificationJwkSelector().select(jws, keys.keys());
        } catch (JoseException e) {
            throw new UnresolvableKeyException("the token's key cannot be chosen", e);
        }
    }

    /**
     * Fetches the set; when that fails, the set held before (if any) is kept. One fetch at a time: calls that
     * waited for another's fetch take its set rather than fetching again one after the other.
     */
    private synchronized Keys fetch(URI jwks, Keys previous) throws UnresolvableKeyException {
        Keys current = cache.get(jwks);
        if (current != null && current != previous && clock.millis() - current.fetchedAt() <= REFRESH_FLOOR.toMillis()) {
            return current;
        }
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(jwks).timeout(ChartFetcher.TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200 || bytes.length > MAX_BYTES) {
                    throw new IOException("JWK Set answered " + response.statusCode());
                }
                Keys keys = new Keys(List.copyOf(new JsonWebKeySet(new String(bytes, StandardCharsets.UTF_8))
                        .getJsonWebKeys()), clock.millis());
                cache.put(jwks, keys);
                return keys;
            }
        } catch (IOException | JoseException e) {
            if (previous != null) {
                return previous;
            }
            throw new UnresolvableKeyException("the issuer's JWK Set could not be fetched", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnresolvableKeyException("interrupted while fetching the issuer's JWK Set", e);
        }
    }
}
