package mesoscreen.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mesoscreen.MesoscreenConfig;

/**
 * Fetches prefetch the EHR did not send from its FHIR server, with the access token it gave: only from an
 * allow-listed server, following no redirect, all queries at once within {@link #TIMEOUT}. Anything short of
 * a complete answer is a 412, so that a verdict is never given on part of the chart.
 */
@Singleton
class ChartFetcher {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    private final ObjectMapper json;
    private final long maxBytes;

    ChartFetcher(CdsJson json, MesoscreenConfig config) {
        this.json = json.mapper();
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    /** The resources of each template (by prefetch key), fetched from {@code server} for the patient. */
    Map<String, JsonNode> fetch(URI server, String accessToken, String patientId, Map<String, String> templates) {
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw CdsRejected.badRequest("context.patientId", "the hook's context needs a FHIR patient id");
        }
        Map<String, CompletableFuture<JsonNode>> pending = new LinkedHashMap<>();
        templates.forEach((key, template) -> pending.put(key, client
                .sendAsync(HttpRequest.newBuilder(url(server, template.replace("{{context.patientId}}", patientId)))
                        .timeout(TIMEOUT)
                        .header("Accept", "application/fhir+json")
                        .header("Authorization", "Bearer " + accessToken)
                        .GET().build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> read(key, response))));
        try {
            CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.values().forEach(f -> f.cancel(true));
            throw CdsRejected.dataUnavailable("the FHIR server did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof CdsRejected rejected ? rejected
                    : CdsRejected.dataUnavailable("the FHIR server could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CdsRejected.dataUnavailable("interrupted while asking the FHIR server");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        pending.forEach((key, future) -> out.put(key, future.join()));
        return out;
    }

    private JsonNode read(String key, HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw CdsRejected.dataUnavailable("the FHIR server answered " + response.statusCode() + " for " + key);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw CdsRejected.dataUnavailable("the FHIR server's answer for " + key + " is larger than "
                        + maxBytes + " bytes");
            }
            return json.readTree(bytes);
        } catch (IOException e) {
            throw CdsRejected.dataUnavailable("the FHIR server's answer for " + key + " is not JSON");
        }
    }

    /** The server's base plus the query, its parameter values encoded. */
    static URI url(URI server, String query) {
        int split = query.indexOf('?');
        StringBuilder out = new StringBuilder(server.toString()).append('/')
                .append(split < 0 ? query : query.substring(0, split));
        if (split >= 0) {
            String sep = "?";
            for (String param : query.substring(split + 1).split("&")) {
                int eq = param.indexOf('=');
                out.append(sep).append(param, 0, eq + 1)
                        .append(URLEncoder.encode(param.substring(eq + 1), StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        return URI.create(out.toString());
    }
}
