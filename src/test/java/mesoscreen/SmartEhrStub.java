package mesoscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EHR for SmartLaunchIT, on a real HTTP server on the loopback address: its SMART configuration, an
 * authorisation endpoint that sends the browser back with a code (how, the launch handle decides: {@code happy},
 * {@code tamper} with another state, {@code deny} with access_denied, {@code refuse} whose code the token endpoint
 * refuses, {@code expired} whose token the FHIR server no longer takes), a token endpoint that checks the PKCE
 * verifier against the challenge (S256), FHIR reads of one patient's chart that need the bearer token, and a
 * QuestionnaireResponse create that records what it gets. Every request is recorded; browsers may call it (CORS).
 */
final class SmartEhrStub {
    static final String CLIENT_ID = "mesoscreen-smart-test";
    static final String PATIENT = "pat-1";
    static final String GRANTED = "launch openid fhirUser patient/Patient.rs patient/Condition.rs"
            + " patient/MedicationRequest.rs patient/MedicationStatement.rs patient/AllergyIntolerance.rs"
            + " patient/Observation.rs patient/QuestionnaireResponse.c";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** "METHOD path?query" of every request, in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The launch handle and scope of each authorisation request. */
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    /** Each token request: its launch handle and whether its PKCE verifier matched. */
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    /** Each FHIR request: the launch handle of its token ("none" without a known one) and the path. */
    final List<String> fhirRequests = new CopyOnWriteArrayList<>();
    /** The QuestionnaireResponses created, with the launch handle of the token that created them. */
    final Map<String, JsonNode> created = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final HttpServer server;

    /** @param ehr true for the EHR; false for a server that only records what reaches it */
    SmartEhrStub(boolean ehr) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                if (exchange.getRequestMethod().equals("OPTIONS")) {
                    send(exchange, 204, null, null);
                } else if (!ehr) {
                    send(exchange, 404, "application/json", "{}");
                } else {
                    route(exchange);
                }
            } catch (RuntimeException e) {
                send(exchange, 500, "text/plain", String.valueOf(e));
            }
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String fhirBase() {
        return base() + "/fhir";
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/fhir/.well-known/smart-configuration")) {
            send(exchange, 200, "application/json", """
                    { "issuer": "%1$s/fhir", "authorization_endpoint": "%1$s/auth/authorize",
                      "token_endpoint": "%1$s/auth/token", "grant_types_supported": [ "authorization_code" ],
                      "code_challenge_methods_supported": [ "S256" ], "response_types_supported": [ "code" ],
                      "token_endpoint_auth_methods_supported": [ "none" ],
                      "scopes_supported": [ "openid", "fhirUser", "launch", "patient/*.rs", "patient/QuestionnaireResponse.c" ],
                      "capabilities": [ "launch-ehr", "client-public", "context-ehr-patient", "sso-openid-connect",
                                        "permission-v2", "permission-patient" ] }""".formatted(base()));
        } else if (path.equals("/auth/authorize")) {
            authorize(exchange);
        } else if (path.equals("/auth/token")) {
            token(exchange);
        } else if (path.startsWith("/fhir/")) {
            fhir(exchange, path.substring("/fhir/".length()));
        } else {
            send(exchange, 404, "application/json", "{}");
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        authorizations.add(query);
        String launch = query.getOrDefault("launch", "");
        String redirect = query.get("redirect_uri");
        boolean valid = "code".equals(query.get("response_type")) && CLIENT_ID.equals(query.get("client_id"))
                && fhirBase().equals(query.get("aud")) && "S256".equals(query.get("code_challenge_method"))
                && query.get("code_challenge") != null && query.get("state") != null && redirect != null;
        if (!valid) {
            send(exchange, 400, "text/plain", "not a SMART EHR launch authorisation request: " + query.keySet());
            return;
        }
        String state = query.get("state");
        String back = switch (launch) {
            case "deny" -> "error=access_denied&error_description=The+user+declined&state=" + state;
            case "tamper" -> "code=" + code(launch, query) + "&state=" + state + "x";
            default -> "code=" + code(launch, query) + "&state=" + state;
        };
        exchange.getResponseHeaders().set("Location", redirect + "?" + back);
        send(exchange, 302, null, null);
    }

    private String code(String launch, Map<String, String> query) {
        String code = "code-" + launch + "-" + serial.incrementAndGet();
        codes.put(code, query);
        return code;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> granted = codes.remove(body.getOrDefault("code", ""));
        String launch = granted == null ? "unknown" : granted.get("launch");
        boolean pkce = granted != null && body.get("code_verifier") != null
                && s256(body.get("code_verifier")).equals(granted.get("code_challenge"));
        tokenRequests.add(launch + (pkce ? " pkce-ok" : " pkce-failed"));
        if (granted == null || !pkce || launch.equals("refuse") || !"authorization_code".equals(body.get("grant_type"))
                || !granted.get("redirect_uri").equals(body.get("redirect_uri"))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":"
                    + "\"the authorization code is not valid\"}");
            return;
        }
        String token = "token-" + launch + "-" + serial.incrementAndGet();
        tokens.put(token, launch);
        String idToken = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + fhirBase() + "\",\"sub\":"
                + "\"dr-1\",\"aud\":\"" + CLIENT_ID + "\",\"fhirUser\":\"" + fhirBase() + "/Practitioner/dr-1\"}")
                .getBytes(StandardCharsets.UTF_8)) + ".";
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 3600);
        answer.put("scope", GRANTED);
        answer.put("patient", PATIENT);
        answer.put("appContext", "{\"procedure\":\"hydralift\"}");
        answer.put("id_token", idToken);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private void fhir(HttpExchange exchange, String path) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String launch = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
        fhirRequests.add((launch == null ? "none" : launch) + " " + exchange.getRequestMethod() + " " + path);
        if (launch == null || launch.equals("expired")) {
            send(exchange, 401, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\",\"issue\":"
                    + "[{\"severity\":\"error\",\"code\":\"login\",\"diagnostics\":\"the access token has expired\"}]}");
            return;
        }
        if (exchange.getRequestMethod().equals("POST") && path.equals("QuestionnaireResponse")) {
            JsonNode response = JSON.readTree(exchange.getRequestBody());
            String id = "qr-" + serial.incrementAndGet();
            created.put(id + " " + launch, response);
            exchange.getResponseHeaders().set("Location", fhirBase() + "/QuestionnaireResponse/" + id + "/_history/1");
            send(exchange, 201, "application/fhir+json", ((com.fasterxml.jackson.databind.node.ObjectNode) response.deepCopy())
                    .put("id", id).toString());
            return;
        }
        String type = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String body = switch (type) {
            case "Patient/" + PATIENT -> Fhir.PATIENT_FEMALE;
            case "MedicationRequest" -> Fhir.bundle(Fhir.medicationRequest("active",
                    "http://www.nlm.nih.gov/research/umls/rxnorm|1364430|apixaban 5 MG Oral Tablet"));
            case "AllergyIntolerance" -> Fhir.bundle(Fhir.allergy("lidocaine", "refuted"));
            case "Observation" -> Fhir.bundle(Fhir.pregnancy("LA26683-5", "Not pregnant"));
            case "Condition", "MedicationStatement" -> Fhir.bundle();
            default -> null;
        };
        if (body == null) {
            send(exchange, 404, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\",\"issue\":"
                    + "[{\"severity\":\"error\",\"code\":\"not-found\"}]}");
        } else {
            send(exchange, 200, "application/fhir+json", body);
        }
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Answers with CORS headers for the app's origin, as an EHR that serves browser apps does. */
    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var headers = exchange.getResponseHeaders();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        headers.set("Access-Control-Allow-Origin", origin == null ? "*" : origin);
        headers.set("Access-Control-Allow-Headers", "authorization, content-type, accept, accept-language");
        headers.set("Access-Control-Allow-Methods", "GET, POST");
        headers.set("Access-Control-Expose-Headers", "Location");
        if (type != null) {
            headers.set("Content-Type", type);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    void stop() {
        server.stop(0);
    }
}
