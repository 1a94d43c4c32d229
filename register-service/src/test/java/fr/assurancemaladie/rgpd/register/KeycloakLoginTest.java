package fr.assurancemaladie.rgpd.register;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real identity path: Keycloak from its Maven Central distribution with the repository's realm file, tokens
 * from its token endpoint, verified by quarkus-oidc through discovery and JWKS, exactly as in production.
 */
@QuarkusTest
@TestProfile(KeycloakLoginTest.RealKeycloak.class)
class KeycloakLoginTest {

    public static class RealKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakResource.class));
        }
    }

    private static String password(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "rgpd-cli")
                .formParam("username", username)
                .formParam("password", username)
                .when().post(TestInfrastructure.keycloak().tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void citizenLogsInWithThePasswordGrantAndCallsAProtectedEndpoint() {
        given().auth().oauth2(password("citoyen.paris"))
                .when().get("/api/v1/me").then()
                .statusCode(200)
                .body("username", equalTo("citoyen.paris"))
                .body("roles", hasItem("citizen"))
                .body("caisse", equalTo("CPAM-75"))
                .body("hasNir", equalTo(true));
    }

    @Test
    void rolesOfTheRealmDecideAccess() {
        given().auth().oauth2(password("dpo.metz")).when().get("/api/v1/drafts").then().statusCode(403);
        given().auth().oauth2(password("editeur")).when().get("/api/v1/drafts").then().statusCode(200);
    }

    @Test
    void theLifecycleClientGetsItsRoleThroughClientCredentials() {
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "sih-lifecycle")
                .formParam("client_secret", "sih-lifecycle-dev-secret")
                .when().post(TestInfrastructure.keycloak().tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(token).when().get("/api/v1/me").then()
                .statusCode(200)
                .body("roles", hasItem("lifecycle-publisher"));
        var scope = publisherScope(token);
        org.junit.jupiter.api.Assertions.assertEquals("urn:assurancemaladie:sih:affiliation", scope.path("source").asText());
        org.junit.jupiter.api.Assertions.assertEquals("[\"*\"]", scope.path("types").toString());
    }

    @Test
    void theLitigationClientMayPublishLitigationsOnly() {
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "sij-contentieux")
                .formParam("client_secret", "sij-contentieux-dev-secret")
                .when().post(TestInfrastructure.keycloak().tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
        var scope = publisherScope(token);
        org.junit.jupiter.api.Assertions.assertEquals("urn:assurancemaladie:contentieux", scope.path("source").asText());
        org.junit.jupiter.api.Assertions.assertEquals("[\"litigation-opened\",\"litigation-closed\"]",
                scope.path("types").toString());
        org.junit.jupiter.api.Assertions.assertEquals("[\"*\"]", scope.path("caisses").toString());
    }

    /** The rgpd_publisher claim the realm puts in a client's access token. */
    static com.fasterxml.jackson.databind.JsonNode publisherScope(String token) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder()
                    .decode(token.split("\\.")[1])).path("rgpd_publisher");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
