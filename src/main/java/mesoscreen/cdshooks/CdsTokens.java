package mesoscreen.cdshooks;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import mesoscreen.access.Replays;
import mesoscreen.access.SharedStore;
import mesoscreen.access.StoreUnavailable;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Checks the JWT a CDS client signs each call with (CDS Hooks 2.0, "Trusting CDS Clients"): a trusted
 * issuer, a signature by one of its published keys with ES384 or RS384 (never none, never HMAC), this
 * service's URL as audience, a lifetime of at most five minutes within 60 s of our clock, and a jti not
 * seen before while it lives.
 */
@Singleton
class CdsTokens {
    static final int SKEW_SECONDS = 60;
    static final int MAX_LIFETIME_MINUTES = 5;
    private static final Set<String> ALGORITHMS = Set.of(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA384);
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private final CdsSettings settings;
    private final JwksCache keys;
    private final Clock clock;
    private final Replays replays;

    CdsTokens(CdsSettings settings, JwksCache keys, Clock clock, Replays replays) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.replays = replays;
    }

    /**
     * Verifies the Authorization header of a call to {@code audience}; throws a 401 saying what is wrong.
     * Without a header the call passes only when unsigned calls are allowed.
     *
     * @return the issuer of the verified token; null for an unsigned call where those are allowed
     */
    String verify(String authorization, String audience) {
        if (authorization == null || authorization.isBlank()) {
            if (settings.allowUnsigned()) {
                return null;
            }
            throw CdsRejected.unauthorized("sign the call with a JWT in the Authorization header (Bearer)");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw CdsRejected.unauthorized("the Authorization header must be 'Bearer' and a JWT");
        }
        JwtContext token;
        String issuer;
        try {
            token = UNVERIFIED.process(authorization.substring(7).trim());
            issuer = token.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw CdsRejected.unauthorized("the bearer token is not a JWT");
        }
        if (token.getJoseObjects().size() != 1 || !(token.getJoseObjects().get(0) instanceof JsonWebSignature jws)) {
            throw CdsRejected.unauthorized("the token must be a signed JWT (JWS)");
        }
        if (!ALGORITHMS.contains(jws.getAlgorithmHeaderValue())) {
            throw CdsRejected.unauthorized("the token's alg must be ES384 or RS384");
        }
        URI jwks = issuer == null ? null : settings.issuers().get(issuer);
        if (jwks == null) {
            throw CdsRejected.unauthorized("the token's issuer is not a trusted CDS client");
        }
        String jku = jws.getHeader("jku");
        if (jku != null && !jku.equals(jwks.toString())) {
            throw CdsRejected.unauthorized("the token's jku is not the JWK Set configured for its issuer");
        }
        long now = clock.millis();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime().setRequireIssuedAt().setRequireJwtId()
                .setAllowedClockSkewInSeconds(SKEW_SECONDS)
                .setMaxFutureValidityInMinutes(MAX_LIFETIME_MINUTES)
                .setIssuedAtRestrictions(SKEW_SECONDS, MAX_LIFETIME_MINUTES * 60 + SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(now))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ALGORITHMS.toArray(String[]::new)))
                .setVerificationKeyResolver((signature, nested) -> keys.key(jwks, signature))
                .build();
        try {
            consumer.processContext(token);
            remember(issuer, token.getJwtClaims(), now);
            return issuer;
        } catch (InvalidJwtException e) {
            throw CdsRejected.unauthorized(reason(e, audience));
        } catch (MalformedClaimException e) {
            throw CdsRejected.unauthorized("the token's claims are malformed");
        }
    }

    /** A jti may be used once while its token lives, across every replica that shares a store. */
    private void remember(String issuer, JwtClaims claims, long now) throws MalformedClaimException {
        Replays.Claim claim;
        try {
            claim = replays.claim(issuer, claims.getJwtId(), claims.getExpirationTime().getValue() + SKEW_SECONDS, now);
        } catch (StoreUnavailable e) {
            throw CdsRejected.unavailable("the replay check cannot be made just now; retry after "
                    + SharedStore.RETRY_AFTER_SECONDS + " s", SharedStore.RETRY_AFTER_SECONDS);
        }
        switch (claim) {
            case REPLAYED -> throw CdsRejected.unauthorized("the token's jti has been used before: sign every call anew");
            case TOO_MANY -> throw CdsRejected.unauthorized("too many calls at once; retry in a minute");
            case FIRST -> { }
        }
    }

    private static String reason(InvalidJwtException e, String audience) {
        if (e.hasExpired()) {
            return "the token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "the token's aud must be the URL called: " + audience;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "the token's signature does not verify with the issuer's keys";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return "the token must live at most " + MAX_LIFETIME_MINUTES + " minutes";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE) || e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "the token is dated in the future";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            return "the token needs exp, iat and jti";
        }
        return "the token is not valid: its key could not be found or it does not verify";
    }
}
