package mesoscreen.result;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import mesoscreen.screening.Screening;
import mesoscreen.http.Languages;

/** A screening as the contract's JSON result, in the request's language; every adapter that screens answers so. */
public final class ScreeningResults {
    private ScreeningResults() {
    }

    /**
     * Typed, so that RESTEasy Reactive picks the JSON writer once at start-up rather than looking it up for
     * every answer, as it must for a plain {@code Response}.
     */
    public static RestResponse<ScreeningResponse> ok(Screening screening, String acceptLanguage) {
        String language = Languages.choose(acceptLanguage, screening.rules().languages());
        return RestResponse.ResponseBuilder.ok(ScreeningResponse.of(screening, language), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
