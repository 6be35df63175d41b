package mesoscreen.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad CDS Hooks settings stop the start, naming the setting. */
class CdsSettingsTest {

    private static String refused(List<String> issuers, List<String> servers, Optional<String> base) {
        return assertThrows(IllegalArgumentException.class, () -> new CdsSettings(issuers, servers, false, base))
                .getMessage();
    }

    @Test
    void goodSettingsAreRead() {
        CdsSettings settings = new CdsSettings(List.of("https://ehr.example|https://ehr.example/jwks.json"),
                List.of("https://fhir.ehr.example/r4/"), false, Optional.of("https://screening.clinic.example"));
        assertEquals("https://ehr.example/jwks.json", settings.issuers().get("https://ehr.example").toString());
        assertTrue(settings.allowedServer("https://FHIR.ehr.example:443/r4").isPresent());
        assertTrue(settings.allowedServer("https://fhir.ehr.example/r4/other").isEmpty());
        assertTrue(settings.allowedServer("https://fhir.ehr.example.evil.example/r4").isEmpty());
    }

    @Test
    void anIssuerMayNameTheClinicItsEhrBelongsTo() {
        CdsSettings settings = new CdsSettings(List.of("https://ehr-b.example|https://ehr-b.example/jwks|clinic-b",
                "https://ehr.example|https://ehr.example/jwks"), List.of(), false, Optional.empty());
        assertEquals("clinic-b", settings.clinic("https://ehr-b.example"));
        assertEquals(null, settings.clinic("https://ehr.example"), "no clinic named: the base set");
        assertEquals(null, settings.clinic(null), "unsigned: the base set");
        assertTrue(refused(List.of("a|https://x.example/j|"), List.of(), Optional.empty()).contains("issuer|jwks-url|clinic"));
    }

    @Test
    void badSettingsStopTheStart() {
        assertTrue(refused(List.of("https://ehr.example"), List.of(), Optional.empty()).contains("issuer|jwks-url"));
        assertTrue(refused(List.of("https://ehr.example|jwks.json"), List.of(), Optional.empty())
                .contains("mesoscreen.cds.trusted-issuers"));
        assertTrue(refused(List.of("a|https://x.example/j", "a|https://y.example/j"), List.of(), Optional.empty())
                .contains("twice"));
        assertTrue(refused(List.of(), List.of("ftp://fhir.example"), Optional.empty()).contains("mesoscreen.cds.fhir-servers"));
        assertTrue(refused(List.of(), List.of(), Optional.of("screening.clinic.example")).contains("public-base-url"));
    }
}
