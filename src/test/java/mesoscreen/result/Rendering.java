package mesoscreen.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import mesoscreen.http.StrictJson;
import mesoscreen.screening.Screening;

/**
 * The JSON body the service would send for a screening, rendered in-process: {@link ScreeningResponse#of}
 * is package-private, so this test helper lives in its package.
 */
public final class Rendering {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Rendering() {
    }

    public static String json(Screening screening, String language) {
        try {
            return JSON.writeValueAsString(ScreeningResponse.of(screening, language));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's reader: Quarkus's modules plus {@link StrictJson}, so test input is read as requests are. */
    public static ObjectMapper strictReader() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
