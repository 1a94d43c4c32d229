package fr.assurancemaladie.rgpd.retention;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.projection.ProjectedFiche;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionServiceBasicsTest {

    @Inject
    AgroalDataSource dataSource;

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

    /** The projection itself is register-projection's (its own tests); here: this service's channel feeds it. */
    @Test
    void theRegisterIsProjectedHere() throws Exception {
        int number = 9000 + (int) (Math.random() * 900);
        TestKafka.sendCloudEvent(bootstrapServers, Topics.REGISTER_FICHES, String.valueOf(number),
                EventTypes.FICHE_PUBLISHED, "{\"number\":" + number + ",\"version\":1,\"title\":\"Fiche de test\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProjectedFiche f = QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(number));
            assertNotNull(f);
            assertEquals("Fiche de test", f.title);
        });
        given().auth().oauth2(TestTokens.dpo("dpo.paris", "CPAM-75"))
                .when().get("/api/v1/register-projection").then()
                .statusCode(200)
                .body("number", hasItem(number));
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
