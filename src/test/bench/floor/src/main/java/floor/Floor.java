package floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * The same request body parsed to a tree, and a recorded Mesoscreen answer of the same size written
 * back by Jackson on every call: what any Quarkus JSON service of this version costs.
 */
@Path("/")
public class Floor {
    private final JsonNode recorded;

    Floor(ObjectMapper json) throws IOException {
        try (InputStream in = Floor.class.getResourceAsStream("/recorded-screening.json")) {
            recorded = json.readTree(in);
        }
    }

    @POST
    @Path("v1/screenings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode screen(JsonNode intake) {
        if (intake == null || !intake.isObject()) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return recorded;
    }

    /** Ready: the bench script times start-up to the first 200 here. */
    @GET
    @Path("ready")
    public String ready() {
        return "UP";
    }
}
