package fr.assurancemaladie.rgpd.projection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The projection of register.fiches, alone: what rights-service and retention-service get from this module. Records
 * are sent on the real topic as the register (or a stranger) would send them.
 */
@QuarkusTest
class RegisterProjectionTest {

    /** Fiche numbers of this test run, away from the official register's 1…87. */
    private static final AtomicInteger NEXT = new AtomicInteger(5000 + (int) (Math.random() * 3000));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordedProjections recorded;

    @Inject
    ProjectedFiches fiches;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void itsMigrationCreatesItsTable() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select script, success from flyway_schema_history where version = '1'")) {
            assertTrue(rs.next(), "version 1 of the history");
            assertTrue(rs.getString(1).endsWith("V1__fiche_projection.sql"), rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void theNewestVersionWinsAndServicesAreToldOfEachNewOne() throws Exception {
        int number = NEXT.incrementAndGet();
        publish(number, "{\"number\":" + number + ",\"version\":2,\"title\":\"Fiche de test\"}");
        // an older version arriving late must not overwrite the newer one
        publish(number, "{\"number\":" + number + ",\"version\":1,\"title\":\"Ancienne\"}");
        publish(number, "{\"number\":" + number + ",\"version\":3,\"title\":\"Fiche de test v3\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProjectedFiche f = QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(number));
            assertNotNull(f);
            assertEquals(3, f.version);
            assertEquals("Fiche de test v3", f.title);
        });
        assertTrue(recorded.seen().stream().anyMatch(e -> e.number() == number && e.version() == 3
                && e.fiche() != null && "Fiche de test v3".equals(e.fiche().title())), () -> "seen " + recorded.seen());
        assertTrue(recorded.seen().stream().noneMatch(e -> e.number() == number && e.version() == 1));
        // the same version again (a replay from offset 0) changes nothing and tells nobody
        long before = recorded.seen().stream().filter(e -> e.number() == number).count();
        publish(number, "{\"number\":" + number + ",\"version\":3,\"title\":\"Fiche de test v3\"}");
        int marker = NEXT.incrementAndGet();
        publish(marker, "{\"number\":" + marker + ",\"version\":1}");
        await().atMost(Duration.ofSeconds(30)).until(() -> recorded.seen().stream().anyMatch(e -> e.number() == marker));
        assertEquals(before, recorded.seen().stream().filter(e -> e.number() == number).count());
    }

    @Test
    void aFicheIsReadAsItsTypedContractTolerantly() throws Exception {
        int number = NEXT.incrementAndGet();
        publish(number, """
                {"number": %d, "version": 1, "domainCode": "01", "title": "Gestion des droits",
                 "recipients": ["Organismes d'assurance maladie"], "aFieldOfANewerRegister": {"x": 1},
                 "retentionRules": [
                   {"text": "5 ans après la fin des droits", "duration": "P5Y", "trigger": "RIGHTS_END",
                    "fate": "DESTRUCTION", "untilFinalDecisionIfLitigation": true, "status": "STRUCTURED"},
                   {"text": "10 ans après un évènement à venir", "duration": "P10Y", "trigger": "A_TRIGGER_OF_2030",
                    "fate": "ARCHIVE", "status": "STRUCTURED"}],
                 "rights": {"access": {"stated": true, "applies": true, "reason": "Droit d'accès"},
                            "objection": {"stated": false, "applies": false, "reason": "Obligation légale"}}}
                """.formatted(number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(
                QuarkusTransaction.requiringNew().call(() -> fiches.published(number)).isPresent()));
        FichePublished f = QuarkusTransaction.requiringNew().call(() -> fiches.published(number)).orElseThrow();
        assertEquals("01", f.domainCode());
        assertEquals(2, f.retentionRules().size());
        assertEquals(RetentionTrigger.RIGHTS_END, f.retentionRules().get(0).trigger());
        assertEquals(Fate.DESTRUCTION, f.retentionRules().get(0).fate());
        assertEquals(RuleStatus.STRUCTURED, f.retentionRules().get(0).status());
        assertTrue(f.retentionRules().get(0).untilFinalDecisionIfLitigation());
        assertNull(f.retentionRules().get(1).trigger(), "a trigger this service does not know reads as none");
        assertEquals(Fate.ARCHIVE, f.retentionRules().get(1).fate());
        assertTrue(f.rights().access().applies());
        assertEquals(Boolean.FALSE, f.rights().objection().stated());
        assertNull(f.rights().erasure(), "a right the fiche does not give");
        assertEquals(java.util.List.of("Organismes d'assurance maladie"), f.recipients());
    }

    @Test
    void aWithdrawnFicheIsNoLongerPublishedHere() throws Exception {
        int number = NEXT.incrementAndGet();
        publish(number, "{\"number\":" + number + ",\"version\":1,\"title\":\"À retirer\"}");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> fiches.published(number)).isPresent());
        TestKafka.sendCloudEvent(bootstrapServers, Topics.REGISTER_FICHES, String.valueOf(number),
                EventTypes.FICHE_WITHDRAWN, "{}");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> fiches.published(number)).isEmpty());
        ProjectedFiche f = QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(number));
        assertEquals(ProjectedFiche.Status.WITHDRAWN, f.status);
        assertTrue(recorded.seen().stream().anyMatch(e -> e.number() == number
                && e.status() == ProjectedFiche.Status.WITHDRAWN && e.fiche() == null));
    }

    @Test
    void recordsThatBreakTheContractGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        TestKafka.sendCloudEvent(bootstrapServers, Topics.REGISTER_FICHES, poisonKey, EventTypes.FICHE_PUBLISHED,
                "this is not json");
        int misshapen = NEXT.incrementAndGet();
        publish(misshapen, "{\"number\":" + misshapen + ",\"version\":1,\"retentionRules\":\"pour toujours\"}");
        int good = NEXT.incrementAndGet();
        publish(good, "{\"number\":" + good + ",\"version\":1}");

        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(good)) != null);
        TestKafka.Received dead = TestKafka.awaitRecord(bootstrapServers, Topics.dlq(Topics.REGISTER_FICHES), poisonKey,
                Duration.ofSeconds(30));
        assertNotNull(dead, "poison record in the DLQ");
        assertNotNull(dead.header("dead-letter-reason"), "reason header");
        TestKafka.Received broken = TestKafka.awaitRecord(bootstrapServers, Topics.dlq(Topics.REGISTER_FICHES),
                String.valueOf(misshapen), Duration.ofSeconds(30));
        assertNotNull(broken, "a fiche whose retentionRules is not a list breaks the contract");
        assertTrue(broken.header("dead-letter-reason").contains("retentionRules"), broken.header("dead-letter-reason"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(misshapen)));
    }

    @Test
    void theProjectionIsReadByDposAndAdminsWithAToken() throws Exception {
        int number = NEXT.incrementAndGet();
        publish(number, "{\"number\":" + number + ",\"version\":1,\"title\":\"Visible\"}");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> ProjectedFiche.findById(number)) != null);
        given().when().get("/api/v1/register-projection").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.citizen("citoyen.paris", "185057505612388", "CPAM-75"))
                .when().get("/api/v1/register-projection").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.dpo("dpo.paris", "CPAM-75"))
                .when().get("/api/v1/register-projection").then()
                .statusCode(200)
                .body("number", hasItem(number));
    }

    private void publish(int number, String fiche) throws Exception {
        TestKafka.sendCloudEvent(bootstrapServers, Topics.REGISTER_FICHES, String.valueOf(number),
                EventTypes.FICHE_PUBLISHED, fiche);
    }
}
