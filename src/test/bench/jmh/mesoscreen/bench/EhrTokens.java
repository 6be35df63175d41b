package mesoscreen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The signed side of the CDS Hooks benchmark: an EHR's key and its JWK Set, and as many distinct tokens as a
 * round will send (the service accepts each jti once), made just before the round because they live minutes.
 * The key is made on the first run and kept in DIR, so the service's cached JWK Set stays valid between rounds.
 * Run (src/test/bench/run.sh does): {@code java -cp <bench class path, or the product's lib/main/*>
 * mesoscreen.bench.EhrTokens DIR COUNT AUDIENCE [LIFETIME_SECONDS=60] [RS384|ES384]}; writes DIR/jwks.json and
 * DIR/tokens.txt (one token a line) and prints how long signing took.
 */
public final class EhrTokens {
    /** The issuer run.sh makes the service trust. */
    static final String ISSUER = "https://ehr.example/cds-client";

    private EhrTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EhrTokens DIR COUNT AUDIENCE [LIFETIME_SECONDS] [RS384|ES384]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        String audience = args[2];
        long lifetime = args.length > 3 ? Long.parseLong(args[3]) : 60;
        String algorithm = args.length > 4 ? args[4] : AlgorithmIdentifiers.RSA_USING_SHA384;
        PublicJsonWebKey key = key(dir, algorithm);
        List<JsonWebKey> published = new ArrayList<>();
        for (String alg : List.of(AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)) {
            if (Files.exists(keyFile(dir, alg))) {
                published.add(JsonWebKey.Factory.newJwk(key(dir, alg).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            }
        }
        Files.writeString(dir.resolve("jwks.json"), new JsonWebKeySet(published).toJson());

        long start = System.nanoTime();
        long now = NumericDate.now().getValue();
        // Both cores: the tokens are made before the round, never during it.
        List<String> tokens = IntStream.range(0, count).parallel()
                .mapToObj(i -> sign(key, algorithm, audience, now, lifetime)).toList();
        Files.write(dir.resolve("tokens.txt"), tokens);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d %s tokens for %s, living %d s, signed in %d ms (%.0f µs each on %d threads)%n", count,
                algorithm, audience, lifetime, ms, count == 0 ? 0.0 : ms * 1000.0 / count,
                Runtime.getRuntime().availableProcessors());
    }

    private static Path keyFile(Path dir, String algorithm) {
        return dir.resolve("key-" + algorithm + ".json");
    }

    /** The EHR's signing key for {@code algorithm}: read from DIR, or made (RSA 2048, or P-384) and kept there. */
    private static PublicJsonWebKey key(Path dir, String algorithm) throws Exception {
        Path file = keyFile(dir, algorithm);
        if (Files.exists(file)) {
            return PublicJsonWebKey.Factory.newPublicJwk(Files.readString(file));
        }
        PublicJsonWebKey key;
        if (algorithm.equals(AlgorithmIdentifiers.RSA_USING_SHA384)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            key = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
            key.setPrivateKey(pair.getPrivate());
        } else if (algorithm.equals(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            var pair = generator.generateKeyPair();
            key = new EllipticCurveJsonWebKey((ECPublicKey) pair.getPublic());
            key.setPrivateKey(pair.getPrivate());
        } else {
            throw new IllegalArgumentException("the service accepts RS384 and ES384 only, not " + algorithm);
        }
        key.setKeyId("bench-" + algorithm.toLowerCase());
        Files.writeString(file, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        return key;
    }

    /** A token as an EHR signs each call (CDS Hooks 2.0): issuer, audience the service's URL, iat, exp, a new jti. */
    private static String sign(PublicJsonWebKey key, String algorithm, String audience, long now, long lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("bench-ehr-client");
        claims.setAudience(audience);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
