package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mesoscreen.settings.ApiKeyList;
import mesoscreen.settings.CorsOrigins;
import mesoscreen.settings.RedisUrl;
import mesoscreen.settings.SettingError;
import mesoscreen.settings.SmartServers;
import mesoscreen.settings.TrustedProxies;
import mesoscreen.settings.UnknownVariables;
import org.junit.jupiter.api.Test;

/** The checks of the settings the service refuses to start with, one by one; SettingsStartupIT starts the jar. */
class SettingsTest {

    private static List<String> problems(List<SettingError> errors) {
        return errors.stream().map(SettingError::render).toList();
    }

    @Test
    void apiKeysAreClinicEqualsKeyEntries() {
        assertEquals(List.of(new ApiKeyList.Entry("clinic-a", "key-1"), new ApiKeyList.Entry("clinic-b", "key-2")),
                ApiKeyList.parse(" clinic-a = key-1 ,clinic-b=key-2").entries());
        assertEquals(List.of(), ApiKeyList.parse(null).entries(), "unset: the API is open");
    }

    @Test
    void everyFaultOfTheKeyListIsNamedByPositionNeverByText() {
        assertEquals(List.of("MESOSCREEN_API_KEYS: entry 1 of 1 has no '='; each entry is clinic=key"),
                problems(ApiKeyList.parse("clinic-a-without-equals").errors()));
        assertEquals(List.of("MESOSCREEN_API_KEYS: is set but empty; give clinic=key entries, or unset it to leave the API open"),
                problems(ApiKeyList.parse("").errors()));
        assertEquals(List.of("MESOSCREEN_API_KEYS: entry 1 of 2 is empty (two commas in a row, or one at an end)",
                        "MESOSCREEN_API_KEYS: entry 2 of 2 is empty (two commas in a row, or one at an end)"),
                problems(ApiKeyList.parse(",").errors()));
        assertEquals(List.of(), problems(ApiKeyList.parse("a=secret-1,a=secret-2").errors()), "two keys while rotating");
        assertEquals(List.of("MESOSCREEN_API_KEYS: entry 3 of 3 gives the clinic of entries 1 and 2 a third key;"
                        + " a clinic holds two at most, while it rotates them"),
                problems(ApiKeyList.parse("a=secret-1,a=secret-2,a=secret-3").errors()));
        assertEquals(List.of("MESOSCREEN_API_KEYS: entry 2 of 2 has the same key as entry 1; every key is one clinic's own"),
                problems(ApiKeyList.parse("a=secret-1,b=secret-1").errors()));
        assertEquals(List.of("MESOSCREEN_API_KEYS: entry 1 of 2 has no clinic name before '='",
                        "MESOSCREEN_API_KEYS: entry 2 of 2 has no key after '='"),
                problems(ApiKeyList.parse("=secret-1,b= ").errors()));
        assertEquals(List.of(), ApiKeyList.parse("a=secret-1,oops").entries(), "a list with a fault gives no keys");
        for (String list : List.of("a=secret-1,a=secret-2,a=secret-3", "a=secret-1,b=secret-1", "=secret-1", "secret-1")) {
            ApiKeyList.parse(list).errors().forEach(e -> assertTrue(!e.render().contains("secret"), e.render()));
        }
    }

    @Test
    void publishableKeysAreCheckedWithTheSecretOnes() {
        ApiKeyList.Parsed secret = ApiKeyList.parse("clinic-a=sk_1,clinic-b=sk_2");
        ApiKeyList.Parsed publishable = ApiKeyList.parse(ApiKeyList.PUBLISHABLE, "clinic-a=pk_1,clinic-b=sk_2");
        assertEquals(List.of("MESOSCREEN_PUBLISHABLE_KEYS: entry 2 is also a key of MESOSCREEN_API_KEYS; a publishable"
                + " key is shown on web pages, so it can never be a secret one"), problems(ApiKeyList.together(secret,
                publishable)));
        assertEquals(List.of("MESOSCREEN_PUBLISHABLE_KEYS: is set without MESOSCREEN_API_KEYS; an open API needs no key"
                + " on a page, so set secret keys too or unset the publishable ones"),
                problems(ApiKeyList.together(ApiKeyList.parse(null), ApiKeyList.parse(ApiKeyList.PUBLISHABLE, "a=pk_1"))));
        assertEquals(List.of("MESOSCREEN_PUBLISHABLE_KEYS: entry 1 of 1 has no '='; each entry is clinic=key"),
                problems(ApiKeyList.parse(ApiKeyList.PUBLISHABLE, "pk_1").errors()));
        assertEquals(List.of(), UnknownVariables.warnings(Map.of("MESOSCREEN_PUBLISHABLE_KEYS", "",
                "MESOSCREEN_CLINICS_DIR", "")));
    }

    @Test
    void corsOriginsAreOrigins() {
        assertEquals(List.of(), CorsOrigins.check("https://clinic.example, http://localhost:8080", false, false));
        assertEquals(List.of(), CorsOrigins.check(null, false, false));
        assertEquals(List.of(
                "MESOSCREEN_CORS_ORIGINS: entry 1 of 5 'clinic.example' is not an origin; write scheme://host[:port], e.g. https://clinic.example",
                "MESOSCREEN_CORS_ORIGINS: entry 2 of 5 'https://clinic.example/' is not an origin; write scheme://host[:port], e.g. https://clinic.example",
                "MESOSCREEN_CORS_ORIGINS: entry 3 of 5 'ftp://clinic.example' is not an origin; write scheme://host[:port], e.g. https://clinic.example",
                "MESOSCREEN_CORS_ORIGINS: entry 4 of 5 '*' lets every website call the API from a browser; set MESOSCREEN_CORS_ALLOW_ANY=true if that is meant",
                "MESOSCREEN_CORS_ORIGINS: entry 5 of 5 is empty (two commas in a row, or one at an end)"),
                problems(CorsOrigins.check("clinic.example,https://clinic.example/,ftp://clinic.example,*,", false, false)));
        assertEquals(List.of(), CorsOrigins.check("*", true, false), "'*' when it is meant");
    }

    @Test
    void corsOriginsAreReadOnceForTheCheckAndTheFilter() {
        CorsOrigins.Parsed parsed = CorsOrigins.parse("HTTPS://Clinic.Example:443, http://localhost:8080", false, false);
        assertEquals(java.util.Set.of("https://clinic.example", "http://localhost:8080"), parsed.origins());
        assertTrue(parsed.allows("https://clinic.example"));
        assertTrue(!parsed.allows("https://other.example"));
        assertTrue(CorsOrigins.parse("*", true, false).allows("https://anyone.example"));
    }

    @Test
    void trustedProxiesAreAddressesOrRanges() {
        assertEquals(List.of(), TrustedProxies.check(List.of("10.0.0.0/8", "127.0.0.1", "::1/128", "fd00::/8")));
        assertEquals(List.of(
                "MESOSCREEN_TRUSTED_PROXIES: entry 1 of 3 'proxy.clinic.example' is not an IP address or a CIDR range such as 10.0.0.0/8 (host names are not looked up)",
                "MESOSCREEN_TRUSTED_PROXIES: entry 3 of 3 '10.0.0.0/33' is not an IP address or a CIDR range such as 10.0.0.0/8 (host names are not looked up)"),
                problems(TrustedProxies.check(List.of("proxy.clinic.example", "10.1.2.3", "10.0.0.0/33"))));
    }

    @Test
    void theRedisUrlIsCheckedWithoutEverShowingIt() {
        for (String good : List.of("redis://redis:6379", "rediss://default:s3cret@redis.example:6380/2", "redis://10.0.0.5",
                "redis://:s3cret@[::1]:6379/0", "redis://redis.example/")) {
            assertEquals(List.of(), RedisUrl.check(good), good);
        }
        assertEquals(List.of(), RedisUrl.check(null), "unset: the limits are per replica");
        Map<String, String> faults = Map.of(
                "http://user:s3cret@redis.example:6379", "must start with redis:// or rediss://",
                "redis://user:s3cret@redis.example:99999/0", "has a port that is not a number from 1 to 65535",
                "redis://user:s3cret@redis.example:6379/zero", "has a path that is not a database number",
                "redis://user:s3cret@:6379", "names no host",
                "redis://user:s3cret@redis.example:6379/0?timeout=1", "has a query or a fragment",
                "redis://user:s3 cret@redis.example", "is not a URL",
                "redis.example:6379", "must start with redis:// or rediss://",
                " ", "is set but empty");
        faults.forEach((url, fault) -> {
            List<String> problems = problems(RedisUrl.check(url));
            assertEquals(1, problems.size(), url);
            assertTrue(problems.get(0).startsWith("MESOSCREEN_REDIS_URL: " + fault), problems.get(0));
            assertTrue(!problems.get(0).contains("s3") && !problems.get(0).contains("redis.example"), problems.get(0));
        });
    }

    @Test
    void aMisspeltVariableGetsADidYouMean() {
        assertEquals(List.of("MESOSCREEN_API_KEY is set, but no setting reads it; did you mean 'MESOSCREEN_API_KEYS'? It is ignored."),
                UnknownVariables.warnings(Map.of("MESOSCREEN_API_KEY", "x", "MESOSCREEN_RULES_DIR", "rules",
                        "MESOSCREEN_CORS_ORIGINS", "", "HOME", "/root")));
    }

    @Test
    void settingsOfEveryGroupAreKnown() {
        assertEquals(List.of(), UnknownVariables.warnings(Map.of("MESOSCREEN_CDS_ALLOW_UNSIGNED", "true",
                "MESOSCREEN_CDS_TRUSTED_ISSUERS", "", "MESOSCREEN_CDS_FHIR_SERVERS", "", "MESOSCREEN_CORS_ALLOW_ANY", "false",
                "MESOSCREEN_ACCESS_LOG_QUERY", "false", "MESOSCREEN_TRUSTED_PROXIES", "", "MESOSCREEN_PUBLIC_BASE_URL", "")));
    }

    @Test
    void smartFhirServersAreHttpsOrLoopbackAndNamedByPositionOnly() {
        SmartServers.Parsed parsed = SmartServers.parse("app-1",
                "https://EHR.clinic.example:443/fhir/, http://127.0.0.1:8081/fhir, http://localhost:9/r4, http://[::1]:8/fhir");
        assertEquals(List.of(), problems(parsed.errors()));
        assertEquals(List.of("https://ehr.clinic.example", "http://127.0.0.1:8081", "http://localhost:9", "http://[::1]:8"),
                parsed.origins());
        assertTrue(parsed.allowed("https://ehr.clinic.example/fhir").isPresent());
        assertTrue(parsed.allowed("https://ehr.clinic.example/fhir/").isPresent());
        assertTrue(parsed.allowed("https://ehr.clinic.example/fhir/Patient").isEmpty(), "another path");
        assertTrue(parsed.allowed("https://ehr.clinic.example:8443/fhir").isEmpty(), "another port");
        assertTrue(parsed.allowed("http://ehr.clinic.example/fhir").isEmpty(), "plain http");
        assertTrue(parsed.allowed(null).isEmpty());
        String bad = "http://ehr.secret-clinic.example/fhir,https://ehr.secret-clinic.example/fhir?x=1,ftp://secret.example,"
                + "https://user:pw@secret.example/fhir,,https://secret2.example/fhir,https://secret2.example/fhir/";
        List<String> faults = problems(SmartServers.parse("app-1", bad).errors());
        String notUrl = " is not a FHIR base URL the app may send a token to; write an https URL without query, e.g."
                + " https://ehr.clinic.example/fhir (http only for a loopback host such as 127.0.0.1)";
        assertEquals(List.of("MESOSCREEN_SMART_FHIR_SERVERS: entry 1 of 7" + notUrl,
                "MESOSCREEN_SMART_FHIR_SERVERS: entry 2 of 7" + notUrl, "MESOSCREEN_SMART_FHIR_SERVERS: entry 3 of 7" + notUrl,
                "MESOSCREEN_SMART_FHIR_SERVERS: entry 4 of 7" + notUrl,
                "MESOSCREEN_SMART_FHIR_SERVERS: entry 5 of 7 is empty (two commas in a row, or one at an end)",
                "MESOSCREEN_SMART_FHIR_SERVERS: entry 7 of 7 repeats an earlier entry"), faults);
        faults.forEach(f -> assertTrue(!f.contains("secret"), f));
    }

    @Test
    void theSmartSettingsComeTogether() {
        assertEquals(List.of(), problems(SmartServers.parse(null, null).errors()), "no app");
        assertEquals(List.of("MESOSCREEN_SMART_FHIR_SERVERS: is not set, so no EHR could launch the app of"
                + " MESOSCREEN_SMART_CLIENT_ID; list the EHRs' FHIR base URLs"), problems(SmartServers.parse("app-1", null).errors()));
        assertEquals(List.of("MESOSCREEN_SMART_FHIR_SERVERS: is set without MESOSCREEN_SMART_CLIENT_ID, so no app would be"
                + " served; set the client id the EHR registered, or unset the servers"),
                problems(SmartServers.parse(null, "https://ehr.example/fhir").errors()));
        assertEquals("MESOSCREEN_SMART_CLIENT_ID: is blank; set the client id the EHR registered the app under, or unset it"
                + " to turn the SMART app off", problems(SmartServers.parse(" ", "https://ehr.example/fhir").errors()).get(0));
        assertEquals(List.of(), UnknownVariables.warnings(Map.of("MESOSCREEN_SMART_CLIENT_ID", "x",
                "MESOSCREEN_SMART_FHIR_SERVERS", "")));
    }
}
