package floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * What any Quarkus JSON service of this version costs: the same request body parsed to a tree on the event
 * loop (as Mesoscreen's POST /v1/screenings does), and a recorded Mesoscreen answer to that traffic shape
 * written back by Jackson on every call. The shape is named by the X-Bench-Shape header the bench's wrk
 * script sends to both sides (Mesoscreen ignores it); the answers are in resources/recorded, recorded by
 * {@code src/test/bench/run.sh record}.
 */
@Path("/")
public class Floor {
    private static final String[] SHAPES = {"healthy", "findings", "freetext", "webform", "webform-ru", "webform-tr", "cds"};

    private final Map<String, JsonNode> recorded = new HashMap<>();

    Floor(ObjectMapper json) throws IOException {
        for (String shape : SHAPES) {
            try (InputStream in = Floor.class.getResourceAsStream("/recorded/" + shape + ".json")) {
                if (in != null) {
                    recorded.put(shape, json.readTree(in));
                }
            }
        }
    }

    @POST
    @Path("v1/screenings")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode screen(@HeaderParam("X-Bench-Shape") String shape, JsonNode intake) {
        return answer(shape == null ? "findings" : shape, intake);
    }

    /** The CDS Hooks call: the same body read, the token not checked (the floor has no keys to check it with). */
    @POST
    @Path("cds-services/{id}")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode cds(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
                        JsonNode call) {
        if (authorization == null) {
            throw new BadRequestException();
        }
        return answer("cds", call);
    }

    private JsonNode answer(String shape, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException();
        }
        JsonNode answer = recorded.get(shape);
        if (answer == null) {
            throw new NotFoundException();
        }
        return answer;
    }

    /** Ready: the bench script times start-up to the first 200 here. */
    @GET
    @Path("ready")
    public String ready() {
        return "UP";
    }
}
