package fr.assurancemaladie.rgpd.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP + JSON calls as a client of the platform makes them: tokens from Keycloak, bearer calls to services. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status and JSON body (null when empty or not JSON). */
    record Reply(int status, JsonNode body, String raw) {
        String text(String pointer) {
            return body == null ? null : body.at(pointer).asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenEndpoint;

    Api(String issuer) {
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
    }

    /** A user's access token (password grant with the dev client {@code rgpd-cli}; demo realm only). */
    String login(String username) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "password", "client_id", "rgpd-cli", "username", username, "password",
                username));
    }

    /** A system's access token (client credentials). */
    String system(String clientId, String secret) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Reply r = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.status() != 200) {
            throw new IllegalStateException("No token for " + form.getOrDefault("username", form.get("client_id"))
                    + ": HTTP " + r.status() + " " + r.raw());
        }
        return r.text("/access_token");
    }

    Reply get(URI base, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    Reply post(URI base, String path, String token, String contentType, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = null;
        try {
            body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (IOException e) {
            // not JSON
        }
        return new Reply(r.statusCode(), body, r.body());
    }
}
