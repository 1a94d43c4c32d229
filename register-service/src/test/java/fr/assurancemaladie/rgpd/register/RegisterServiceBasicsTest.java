package fr.assurancemaladie.rgpd.register;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import fr.assurancemaladie.rgpd.register.publication.FichePublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegisterServiceBasicsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FichePublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void migrationsRanOnItsOwnDatabase() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select count(*) filter (where success), to_regclass('fiche_version') is not null, current_database()"
                                + " from flyway_schema_history")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "applied migrations");
            assertTrue(rs.getBoolean(2), "fiche_version exists");
            assertTrue(rs.getString(3).startsWith("test_"), "a fresh test database");
        }
    }

    @Test
    void schemaRefusesAnInvalidStatus() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> c.createStatement()
                    .executeUpdate("insert into fiche_version (number, version, status, domain_code, payload, updated_by)"
                            + " values (1, 1, 'LOST', '01', '{}', 'test')"));
            assertEquals("23514", e.getSQLState(), "check constraint violation");
        }
    }

    @Test
    void aPublishedFicheIsConsumedFromRegisterFiches() throws Exception {
        int number = 9000 + (int) (Math.random() * 900);
        String json = "{\"number\":" + number + ",\"version\":1,\"title\":\"Test\"}";
        publisher.published(number, json).toCompletableFuture().get(30, TimeUnit.SECONDS);

        TestKafka.Received found = TestKafka.awaitRecord(bootstrapServers, Topics.REGISTER_FICHES,
                String.valueOf(number), Duration.ofSeconds(30));
        assertNotNull(found, "record of fiche " + number + " on " + Topics.REGISTER_FICHES);
        assertEquals(json, found.value());
        assertEquals(EventTypes.FICHE_PUBLISHED, found.header("ce_type"));
        assertEquals("1.0", found.header("ce_specversion"));
        assertEquals("urn:assurancemaladie:rgpd:register-service", found.header("ce_source"));
    }

    @Test
    void draftsNeedAToken() {
        given().when().get("/api/v1/drafts").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void draftsNeedTheEditorRole() {
        given().auth().oauth2(TestTokens.citizen("citoyen.paris", "185057505612388", "CPAM-75"))
                .when().get("/api/v1/drafts").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("droits"));
    }

    @Test
    void draftsAnswerAnEditorWithASignedToken() {
        given().auth().oauth2(TestTokens.withRoles("editeur", "register-editor"))
                .when().get("/api/v1/drafts").then()
                .statusCode(200);
    }

    @Test
    void tokensThatDoNotVerifyAreRejected() {
        List<String> roles = List.of("register-editor");
        String wrongIssuer = TestTokens.sign("editeur", roles, Map.of(), "https://elsewhere/realms/rgpd",
                TestTokens.AUDIENCE, Duration.ofMinutes(5));
        String wrongAudience = TestTokens.sign("editeur", roles, Map.of(), TestTokens.ISSUER, "another-api",
                Duration.ofMinutes(5));
        String expired = TestTokens.sign("editeur", roles, Map.of(), TestTokens.ISSUER, TestTokens.AUDIENCE,
                Duration.ofMinutes(-10));
        String tampered = TestTokens.withRoles("editeur", "citizen");
        String[] parts = tampered.split("\\.");
        String forged = parts[0] + "." + TestTokens.withRoles("editeur", "register-editor").split("\\.")[1] + "." + parts[2];
        for (String token : List.of(wrongIssuer, wrongAudience, expired, forged, "not-a-jwt")) {
            given().auth().oauth2(token).when().get("/api/v1/drafts").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
    }

    @Test
    void meTellsWhoTheTokenSaysTheCallerIs() {
        given().auth().oauth2(TestTokens.citizen("citoyen.paris", "185057505612388", "CPAM-75"))
                .when().get("/api/v1/me").then()
                .statusCode(200)
                .body("username", equalTo("citoyen.paris"))
                .body("roles", hasItem("citizen"))
                .body("caisse", equalTo("CPAM-75"))
                .body("hasNir", equalTo(true))
                .body(org.hamcrest.Matchers.not(containsString("185057505612388")));
    }

    @Test
    void publishedFichesArePublic() {
        given().when().get("/api/v1/fiches").then().statusCode(200);
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().when().get("/api/v1/nowhere").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @TestHTTPResource(value = "health/ready", management = true)
    java.net.URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    @Test
    void operationalEndpointsAnswerOnTheManagementInterfaceOnly() {
        given().when().get(ready).then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_"));
        // the public port: the API documents, never health details nor metrics
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/me"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
