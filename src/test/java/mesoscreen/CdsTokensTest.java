package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Signed calls only: tokens made here with keys generated here, checked by the service over HTTP. */
@QuarkusTest
@TestProfile(EhrStub.Profile.class)
class CdsTokensTest {
    private static final String SERVICE = "/cds-services/mesoscreen-appointment-book";
    private static final String BODY = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE, Map.of()), null);

    private static ValidatableResponse call(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(BODY)
                .post(SERVICE).then();
    }

    private static void refused(String token, String why) {
        call(token).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("code", equalTo("unauthorized"))
                .body("detail", containsString(why));
    }

    private static String audience() {
        return CdsHooksTest.url(SERVICE);
    }

    @Test
    void validEs384TokenIsAnswered() {
        call(EhrStub.token(audience(), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, c -> { }))
                .statusCode(200).body("cards.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void validRs384TokenIsAnswered() {
        call(EhrStub.token(audience(), AlgorithmIdentifiers.RSA_USING_SHA384, c -> { }))
                .statusCode(200).body("cards.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void missingTokenIsRefused() {
        given().contentType(ContentType.JSON).body(BODY).post(SERVICE).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("Authorization"));
    }

    @Test
    void expiredTokenIsRefused() {
        refused(EhrStub.token(audience(), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, c -> {
            long now = NumericDate.now().getValue();
            c.setIssuedAt(NumericDate.fromSeconds(now - 400));
            c.setExpirationTime(NumericDate.fromSeconds(now - 100));
        }), "expired");
    }

    @Test
    void tokenLivingLongerThanFiveMinutesIsRefused() {
        refused(EhrStub.token(audience(), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                c -> c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600))), "5 minutes");
    }

    @Test
    void wrongAudienceIsRefused() {
        refused(EhrStub.token(CdsHooksTest.url("/cds-services/mesoscreen-order-select")), "aud");
    }

    @Test
    void replayedJtiIsRefused() {
        String token = EhrStub.token(audience());
        call(token).statusCode(200);
        refused(token, "used before");
    }

    @Test
    void unknownIssuerIsRefused() {
        refused(EhrStub.token(audience(), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                c -> c.setIssuer("https://evil.example")), "issuer");
    }

    @Test
    void algNoneIsRefused() {
        refused(EhrStub.token(audience(), AlgorithmIdentifiers.NONE, c -> { }), "ES384 or RS384");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        refused(EhrStub.token(audience(), AlgorithmIdentifiers.HMAC_SHA256, c -> { }), "ES384 or RS384");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        String good = EhrStub.token(audience());
        String other = EhrStub.token(audience(), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, c -> { });
        // The header and claims of one token with the signature of another.
        String forged = good.substring(0, good.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        refused(forged, "signature");
    }

    @Test
    void feedbackNeedsASignedCallToo() {
        given().contentType(ContentType.JSON).body("{ \"feedback\": [] }").post(SERVICE + "/feedback")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
