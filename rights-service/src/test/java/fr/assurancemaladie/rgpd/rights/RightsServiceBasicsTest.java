package fr.assurancemaladie.rgpd.rights;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.localstack.testing.TestKafka;
import fr.assurancemaladie.rgpd.localstack.testing.TestTokens;
import fr.assurancemaladie.rgpd.projection.ProjectedFiche;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RightsServiceBasicsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordedProjections recorded;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void migrationsRanOnItsOwnDatabase() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select count(*) filter (where success), to_regclass('fiche_projection') is not null,"
                                + " current_database() from flyway_schema_history")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "applied migrations");
            assertTrue(rs.getBoolean(2), "fiche_projection exists");
            assertTrue(rs.getString(3).startsWith("test_"), "a fresh test database");
        }
    }

    @Test
    void aFichePublishedOnRegisterFichesIsProjected() throws Exception {
        int number = 9000 + (int) (Math.random() * 900);
        send(String.valueOf(number), EventTypes.FICHE_PUBLISHED,
                "{\"number\":" + number + ",\"version\":2,\"title\":\"Fiche de test\"}");
        // an older version arriving late must not overwrite the newer one
        send(String.valueOf(number), EventTypes.FICHE_PUBLISHED,
                "{\"number\":" + number + ",\"version\":1,\"title\":\"Ancienne\"}");
        send(String.valueOf(number), EventTypes.FICHE_PUBLISHED,
                "{\"number\":" + number + ",\"version\":3,\"title\":\"Fiche de test v3\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProjectedFiche f = QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(number));
            assertNotNull(f);
            assertEquals(3, f.version);
            assertEquals("Fiche de test v3", f.title);
        });
        // services are told of each new version, and never of the stale one
        assertTrue(recorded.seen().stream().anyMatch(e -> e.number() == number && e.version() == 3), () -> "seen " + recorded.seen());
        assertTrue(recorded.seen().stream().noneMatch(e -> e.number() == number && e.version() == 1));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        send(poisonKey, EventTypes.FICHE_PUBLISHED, "this is not json");
        int number = 9900 + (int) (Math.random() * 99);
        send(String.valueOf(number), EventTypes.FICHE_PUBLISHED, "{\"number\":" + number + ",\"version\":1}");

        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(number)) != null);

        TestKafka.Received dead = TestKafka.awaitRecord(bootstrapServers,
                Topics.dlq(Topics.REGISTER_FICHES), poisonKey, Duration.ofSeconds(30));
        assertNotNull(dead, "poison record in the DLQ");
        assertNotNull(dead.header("dead-letter-reason"), "reason header");
    }

    private void send(String key, String type, String value) throws Exception {
        TestKafka.sendCloudEvent(bootstrapServers, Topics.REGISTER_FICHES, key, type, value);
    }

    @Test
    void theProjectionNeedsAToken() {
        given().when().get("/api/v1/register-projection").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void theProjectionIsForDposAndAdmins() {
        given().auth().oauth2(TestTokens.citizen("citoyen.paris", "185057505612388", "CPAM-75"))
                .when().get("/api/v1/register-projection").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.dpo("dpo.paris", "CPAM-75"))
                .when().get("/api/v1/register-projection").then()
                .statusCode(200);
    }

    @Test
    void meTellsWhoTheTokenSaysTheCallerIs() {
        given().auth().oauth2(TestTokens.dpo("dpo.metz", "CPAM-57"))
                .when().get("/api/v1/me").then()
                .statusCode(200)
                .body("roles", hasItem("dpo"))
                .body("caisse", equalTo("CPAM-57"))
                .body("hasNir", equalTo(false));
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
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/register-projection"));
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
