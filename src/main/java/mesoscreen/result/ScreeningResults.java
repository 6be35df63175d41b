package mesoscreen.result;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mesoscreen.screening.Screening;
import mesoscreen.http.Languages;

/** A screening as the contract's JSON result, in the request's language; every adapter that screens answers so. */
public final class ScreeningResults {
    private ScreeningResults() {
    }

    public static Response ok(Screening screening, String acceptLanguage) {
        String language = Languages.choose(acceptLanguage, screening.rules().languages());
        return Response.ok(ScreeningResponse.of(screening, language))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
