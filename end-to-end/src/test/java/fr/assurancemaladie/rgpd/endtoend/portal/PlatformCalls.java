package fr.assurancemaladie.rgpd.endtoend.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the browser tests ask the platform directly, to compare the pages with: a service's JSON answer (with a
 * user's token from Keycloak's password grant on the dev client {@code rgpd-cli}), and Keycloak's admin API to let
 * the portal of a test, on a random port, be a redirect target of the {@code rgpd-portal} client.
 */
final class PlatformCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloakUrl;

    PlatformCalls(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** GET a service's JSON answer as {@code username}; fails on anything but 200. */
    JsonNode get(URI service, String path, String username) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(service.resolve(path))
                .header("Authorization", "Bearer " + token("rgpd", Map.of("grant_type", "password", "client_id",
                        "rgpd-cli", "username", username, "password", username)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " as " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Adds {@code origin + "/*"} to the client's redirect and post-logout redirect URIs (admin API, realm rgpd). */
    void allowRedirects(String clientId, String origin) throws IOException, InterruptedException {
        String admin = token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", "admin"));
        URI clients = URI.create(keycloakUrl + "/admin/realms/rgpd/clients");
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode client = (ObjectNode) JSON.readTree(found.body()).get(0);
        Set<String> uris = new LinkedHashSet<>();
        client.withArray("redirectUris").forEach(u -> uris.add(u.asText()));
        uris.add(origin + "/*");
        ArrayNode redirects = client.putArray("redirectUris");
        uris.forEach(redirects::add);
        ObjectNode attributes = client.withObject("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", (logout.isBlank() ? "" : logout + "##") + origin + "/*");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(clients + "/"
                + client.get("id").asText())).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the redirect URIs of " + clientId + ": HTTP "
                    + put.statusCode() + " " + put.body());
        }
    }

    private String token(String realm, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("No token from realm " + realm + ": HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
