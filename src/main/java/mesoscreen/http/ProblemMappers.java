package mesoscreen.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mesoscreen.intake.Violation;
import mesoscreen.text.Suggestions;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as an RFC 9457 problem: request bodies Jackson cannot read, intakes our
 * validator rejects, and the HTTP errors of the framework itself. Details name the field and what
 * was expected; they never repeat what the client sent, nor a Java type.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response intake(IntakeRejected e) {
        return respond(Problem.of(e.violations()));
    }

    private final ErrorResponses errors;

    ProblemMappers(ErrorResponses errors) {
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyLimit.TooLarge e, jakarta.ws.rs.core.UriInfo uri) {
        return errors.respond(e.problem(), uri.getPath());
    }

    // Quarkus ships mappers for some Jackson subtypes; naming each type here keeps ours in charge.
    @ServerExceptionMapper
    public Response unreadable(StreamReadException e) {
        return respond(unreadableBody(e));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return respond(unreadableBody(e));
    }

    @ServerExceptionMapper
    public Response databind(DatabindException e) {
        return respond(unreadableBody(e));
    }

    @ServerExceptionMapper
    public Response processing(JsonProcessingException e) {
        return respond(unreadableBody(e));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(parameterPath(v.getPropertyPath().toString()), "invalid-value", v.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::path))
                .toList();
        return respond(violations.isEmpty()
                ? Problem.of(400, "invalid-value", "the request is not valid", null) : Problem.of(violations));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, jakarta.ws.rs.core.UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(unreadableBody(json));
        }
        return errors.respond(httpProblem(status), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // The message may carry request content, so only the type is logged.
        LOG.errorf("unexpected %s while serving a request", e.getClass().getName());
        return respond(Problem.of(500, "internal-error", "an unexpected error occurred; it has been logged", null));
    }

    public static Problem httpProblem(int status) {
        return switch (status) {
            case 404 -> Problem.of(404, "not-found", "no such resource; see /q/swagger-ui for the API", null);
            case 405 -> Problem.of(405, "method-not-allowed", "this method is not allowed on this resource", null);
            case 406 -> Problem.of(406, "not-acceptable", "this resource is served as application/json", null);
            case 413 -> Problem.of(413, "body-too-large", "the request body is larger than the limit", null);
            case 415 -> Problem.of(415, "unsupported-media-type", "send the body as application/json", null);
            default -> status >= 500
                    ? Problem.of(status, "internal-error", "the service could not answer", null)
                    : Problem.of(status, "bad-request", "the request cannot be served", null);
        };
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem unreadableBody(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLarge tooLarge) {
                return tooLarge.problem();
            }
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return Problem.of(400, "limit-exceeded", "the body exceeds a limit: nesting deeper than "
                    + StrictJson.MAX_NESTING + ", a number longer than 20 digits or a text longer than 64K", null);
        }
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException && e.getProcessor() instanceof JsonParser parser) {
            String at = jsonPath(parser.getParsingContext().pathAsPointer().toString());
            return Problem.of(400, "invalid-value", "the number is out of range", at.isEmpty() ? null : Suggestions.shown(at));
        }
        if (e instanceof MismatchedInputException && secondRootValue(e)) {
            return Problem.of(400, "malformed-json", "the body has more after its JSON object" + where(e.getLocation()), null);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            Collection<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).toList();
            return Problem.of(400, "unknown-field", "unknown field '" + Suggestions.shown(name) + "'"
                    + Suggestions.didYouMean(name, known)
                    + (known.isEmpty() ? "" : "; expected one of " + String.join(", ", known)), path(unknown));
        }
        if (e instanceof InvalidFormatException invalid) {
            return Problem.of(400, "invalid-value", expected(invalid.getTargetType()), path(invalid));
        }
        if (e instanceof MismatchedInputException mismatched) {
            return Problem.of(400, "wrong-type", mismatched.getTargetType() == null ? "a value of another type was expected"
                    : expected(mismatched.getTargetType()), path(mismatched));
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException cause) {
            return unreadableBody(cause);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.of(400, "invalid-value", "this value cannot be read", path(mapping));
        }
        String message = String.valueOf(e.getOriginalMessage());
        boolean duplicate = message.startsWith("Duplicate field");
        String where = where(e.getLocation());
        String path = e.getProcessor() instanceof JsonParser parser
                ? jsonPath(parser.getParsingContext().pathAsPointer().toString()) : null;
        if (duplicate) {
            String field = message.replaceFirst("^Duplicate field '(.*)'.*$", "$1");
            return Problem.of(400, "duplicate-key", "the key '" + Suggestions.shown(field) + "' appears twice" + where,
                    path == null ? null : Suggestions.shown(path));
        }
        return Problem.of(400, "malformed-json", "the body is not valid JSON" + where,
                path == null || path.isEmpty() ? null : Suggestions.shown(path));
    }

    /**
     * Whether the parser stood in a second value at the top level when it failed: content after the body's
     * JSON object, which is what Jackson's trailing-token check refuses.
     */
    private static boolean secondRootValue(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return false;
        }
        com.fasterxml.jackson.core.JsonStreamContext context = parser.getParsingContext();
        while (context != null && !context.inRoot()) {
            context = context.getParent();
        }
        return context != null && context.getEntryCount() > 1;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** What a field of this type accepts, in JSON terms. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type was expected";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> '"' + c.toString().toLowerCase(java.util.Locale.ROOT) + '"')
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date as YYYY-MM-DD";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be an object";
    }

    /** "answers.pregnant", "conditions[0].code" from Jackson's reference chain (JSON names). */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        // Field names are the client's: shown as every detail shows them (64 characters, no invisible ones).
        return out.length() == 0 ? null : Suggestions.shown(out.toString());
    }

    private static String jsonPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.length() > 0 ? "." : "").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }

    /** A parameter path "list.id" without the Java method and parameter names in front. */
    private static String parameterPath(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

}
