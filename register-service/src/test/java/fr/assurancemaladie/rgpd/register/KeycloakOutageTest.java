package fr.assurancemaladie.rgpd.register;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.testing.LogCapture;
import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The real Keycloak, really stopped: tokens it issued before keep working (its keys are known), a token nobody can
 * verify is a quick 401 problem and never an error, the service stays ready, and new logins (which need Keycloak)
 * work again once it is back. Tokens that cannot be verified locally never make the service call Keycloak.
 */
@QuarkusTest
@TestProfile(KeycloakLoginTest.RealKeycloak.class)
class KeycloakOutageTest {

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    static String password(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "rgpd-cli")
                .formParam("username", username).formParam("password", username)
                .when().post(TestInfrastructure.keycloak().tokenEndpoint())
                .then().statusCode(200).extract().path("access_token");
    }

    static final List<String> UNVERIFIABLE = List.of("garbage", "a.b.c",
            // alg none, with and without a signature part
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJlYWxtX2FjY2VzcyI6eyJyb2xlcyI6WyJhZG1pbiJdfX0.",
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJlYWxtX2FjY2VzcyI6eyJyb2xlcyI6WyJhZG1pbiJdfX0.eA",
            // well signed, by a key this realm never had
            TestTokens.withRoles("admin", "admin"));

    static void unverifiableTokensAreQuick401s() {
        for (String token : UNVERIFIABLE) {
            long start = System.nanoTime();
            given().auth().oauth2(token).when().get("/api/v1/drafts").then()
                    .statusCode(401).contentType("application/problem+json");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5000, "answered locally, not after a call to Keycloak: " + millis + " ms");
        }
    }

    @Test
    void tokensAlreadyIssuedKeepWorkingWhileKeycloakIsAwayAndNothingIsAnError() throws Exception {
        String editor = password("editeur");
        given().auth().oauth2(editor).when().get("/api/v1/drafts").then().statusCode(200);
        try (LogCapture logs = new LogCapture()) {
            unverifiableTokensAreQuick401s();
            TestInfrastructure.stopKeycloak();
            try {
                given().auth().oauth2(editor).when().get("/api/v1/drafts").then().statusCode(200);
                given().auth().oauth2(editor).when().get("/api/v1/me").then().statusCode(200)
                        .body("username", equalTo("editeur"));
                unverifiableTokensAreQuick401s();
                given().when().get(ready).then().statusCode(200);
                // a new login needs Keycloak: its token endpoint does not answer
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
                assertThrows(java.io.IOException.class, () -> http.send(HttpRequest.newBuilder(
                        URI.create(TestInfrastructure.keycloak().tokenEndpoint())).POST(
                                HttpRequest.BodyPublishers.ofString("grant_type=password")).build(),
                        HttpResponse.BodyHandlers.discarding()));
            } finally {
                TestInfrastructure.startKeycloak();
            }
            List<LogCapture.Line> errors = logs.lines().stream().filter(l -> l.atLeast(Level.SEVERE)).toList();
            assertEquals(List.of(), errors, "a bad token or Keycloak away is no error of the service");
        }
        given().auth().oauth2(password("editeur")).when().get("/api/v1/drafts").then().statusCode(200);
        given().auth().oauth2(editor).when().get("/api/v1/drafts").then().statusCode(200);
    }
}
