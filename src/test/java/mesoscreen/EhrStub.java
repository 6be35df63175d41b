package mesoscreen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * An EHR for the CDS Hooks tests, on a real HTTP server: its JWK Set (an ES384 and an RS384 key generated
 * here), a FHIR server that answers the prefetch queries only with the right bearer token, and a second
 * FHIR base that is not on the allow-list. Requests are recorded, never their bodies.
 */
final class EhrStub {
    static final String ISSUER = "https://ehr.example/cds-client";
    static final String ACCESS_TOKEN = "ehr-access-token-1";
    static final String PATIENT = "pat-1";
    static final KeyPair EC = generate("EC");
    static final KeyPair RSA = generate("RSA");
    /** "path?query Authorization" of every FHIR request the stub received. */
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private EhrStub() {
    }

    static synchronized int start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/jwks", ex -> send(ex, 200, jwks()));
            server.createContext("/fhir", EhrStub::fhir);
            server.createContext("/other", EhrStub::fhir);
            server.start();
        }
        return server.getAddress().getPort();
    }

    static String base() {
        return "http://127.0.0.1:" + start();
    }

    /** The test profile: this EHR trusted, its /fhir base allowed. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.cds.trusted-issuers", ISSUER + "|" + base() + "/jwks",
                    "mesoscreen.cds.fhir-servers", base() + "/fhir");
        }
    }

    private static void fhir(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        REQUESTS.add(path + (query == null ? "" : "?" + query) + " " + auth);
        if (!("Bearer " + ACCESS_TOKEN).equals(auth)) {
            send(exchange, 401, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\"}]}");
            return;
        }
        String type = path.substring(path.lastIndexOf('/', path.length() - 1) + 1);
        String body = path.endsWith("/Patient/" + PATIENT) ? Fhir.PATIENT_FEMALE
                : switch (type) {
                    case "Observation" -> Fhir.bundle(Fhir.pregnancy("LA15173-0", "Pregnant"));
                    case "Condition", "MedicationRequest", "MedicationStatement", "AllergyIntolerance" -> Fhir.bundle();
                    default -> null;
                };
        if (body == null) {
            send(exchange, 404, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}");
        } else {
            send(exchange, 200, body);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String jwks() {
        try {
            EllipticCurveJsonWebKey ec = new EllipticCurveJsonWebKey((java.security.interfaces.ECPublicKey) EC.getPublic());
            ec.setKeyId("ec-1");
            RsaJsonWebKey rsa = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) RSA.getPublic());
            rsa.setKeyId("rsa-1");
            return new JsonWebKeySet(ec, rsa).toJson();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp384r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as a CDS client signs it: ES384 with the EC key, for {@code audience}, valid for 5 minutes. */
    static String token(String audience) {
        return token(audience, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, claims -> { });
    }

    static String token(String audience, String algorithm, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("ehr-client-id");
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 240));
        claims.setGeneratedJwtId();
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        switch (algorithm) {
            case AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384 -> {
                jws.setKey(EC.getPrivate());
                jws.setKeyIdHeaderValue("ec-1");
            }
            case AlgorithmIdentifiers.RSA_USING_SHA384 -> {
                jws.setKey(RSA.getPrivate());
                jws.setKeyIdHeaderValue("rsa-1");
            }
            case AlgorithmIdentifiers.HMAC_SHA256 -> {
                // The classic confusion attack: HMAC keyed with the issuer's public key.
                jws.setKey(new org.jose4j.keys.HmacKey(RSA.getPublic().getEncoded()));
                jws.setKeyIdHeaderValue("rsa-1");
            }
            default -> jws.setKeyIdHeaderValue("ec-1"); // none: no key, no signature
        }
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
