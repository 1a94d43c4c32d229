package fr.assurancemaladie.rgpd.retention.lifecycle;

import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.awaitCount;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.count;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.lifecycleData;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.newSubject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import fr.assurancemaladie.rgpd.retention.RetentionTestSupport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A system publishes what its realm client allows, and nothing else: over HTTP (403) and on Kafka (DLQ with the
 * reason), the same scope ({@code rgpd_publisher}: source, types, caisses), litigations only by a client that names
 * them, and on Kafka the token each record carries, valid when the record was produced.
 */
@QuarkusTest
class PublisherScopingTest {

    static final String AFFILIATION_SOURCE = "urn:assurancemaladie:sih:affiliation";
    static final String AFFILIATION = TestTokens.publisher("sih-lifecycle", AFFILIATION_SOURCE, List.of("*"),
            List.of("*"));
    static final String LITIGATION = TestTokens.publisher("sij-contentieux", "urn:assurancemaladie:contentieux",
            List.of("litigation-opened", "litigation-closed"), List.of("*"));
    static final String METZ_DEATHS = TestTokens.publisher("cpam57-deces", "urn:cpam57:deces", List.of("death"),
            List.of("CPAM-57"));

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static boolean published;

    @BeforeEach
    void register() throws Exception {
        if (!published) {
            RetentionTestSupport.publishFiche(bootstrap, 1, RetentionTestSupport.fiche1(1, "P3Y", "RIGHTS_END"));
            awaitCount(ds, 1, "select count(*) from fiche_rule where fiche_number = 1 and executable");
            published = true;
        }
    }

    static String event(String source, String name, String person, String caisse) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "fr.assurancemaladie.lifecycle.%s",
                 "data": {"subjectRef": "%s", "occurredOn": "2026-01-15", "caisseCode": "%s", "dossierRef": "D-1"}}
                """.formatted(UUID.randomUUID(), source, name, person, caisse);
    }

    static io.restassured.response.ValidatableResponse post(String token, String body) {
        return given().auth().oauth2(token).contentType("application/cloudevents+json").body(body)
                .when().post("/api/v1/lifecycle-events").then();
    }

    @Test
    void overHttpEachClientPublishesItsOwnScopeOnly() {
        String person = newSubject();
        post(AFFILIATION, event(AFFILIATION_SOURCE, "rights-end", person, "CPAM-75")).statusCode(202);
        post(AFFILIATION, event(AFFILIATION_SOURCE, "litigation-closed", person, "CPAM-75")).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("lèvent des gels"));
        post(AFFILIATION, event("urn:assurancemaladie:contentieux", "rights-end", person, "CPAM-75")).statusCode(403)
                .body("detail", containsString(AFFILIATION_SOURCE));
        post(LITIGATION, event("urn:assurancemaladie:contentieux", "litigation-opened", person, "CPAM-75"))
                .statusCode(202);
        post(LITIGATION, event("urn:assurancemaladie:contentieux", "rights-end", person, "CPAM-75")).statusCode(403);
        post(METZ_DEATHS, event("urn:cpam57:deces", "death", person, "CPAM-57")).statusCode(202);
        post(METZ_DEATHS, event("urn:cpam57:deces", "death", person, "CPAM-75")).statusCode(403)
                .body("detail", containsString("CPAM-75"));
        post(METZ_DEATHS, event("urn:cpam57:deces", "rights-end", person, "CPAM-57")).statusCode(403);
        post(TestTokens.withRoles("vieux-client", "lifecycle-publisher"),
                event(AFFILIATION_SOURCE, "rights-end", person, "CPAM-75")).statusCode(403)
                .body("detail", containsString("périmètre"));
        // the Kafka tenant's lifespan grace (a backlog read late) is never the API's: an expired token is a 401
        String expired = TestTokens.publisher("sih-lifecycle", AFFILIATION_SOURCE, List.of("*"), List.of("*"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5));
        post(expired, event(AFFILIATION_SOURCE, "rights-end", person, "CPAM-75")).statusCode(401);
    }

    @Test
    void onKafkaEachRecordCarriesItsPublishersTokenAndStaysInItsScope() throws Exception {
        String person = newSubject();
        Map<String, String> reasons = new HashMap<>();
        send(person, "rights-end", AFFILIATION_SOURCE, null, null);
        reasons.put("no token", "Publieur non identifié");
        String forged = AFFILIATION.substring(0, AFFILIATION.lastIndexOf('.') + 1) + "AAAA" + AFFILIATION.substring(
                AFFILIATION.lastIndexOf('.') + 5);
        send(person, "rights-end", AFFILIATION_SOURCE, forged, null);
        send(person, "litigation-closed", AFFILIATION_SOURCE, AFFILIATION, null);
        send(person, "rights-end", "urn:someone:else", AFFILIATION, null);
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));
        String expired = TestTokens.publisher("sih-lifecycle", AFFILIATION_SOURCE, List.of("*"), List.of("*"),
                longAgo, Duration.ofMinutes(5));
        send(person, "rights-end", AFFILIATION_SOURCE, expired, null);

        List<String> expected = List.of("Publieur non identifié", "n'est pas valide", "lèvent des gels",
                AFFILIATION_SOURCE, "n'était pas valide");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dead(person).size() == 5);
        List<TestKafka.Received> dead = dead(person);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(dead.get(i).header("dead-letter-reason").contains(expected.get(i)),
                    i + ": " + dead.get(i).header("dead-letter-reason"));
            assertNull(dead.get(i).header("rgpd-publisher-token"), "a dead letter never carries the token");
        }
        assertEquals(0, count(ds, "select count(*) from lifecycle_event where subject_ref = ?", person));

        // a record cannot be backdated to reuse an old token: the broker stamps lifecycle.events with its own time
        send(person, "rights-end", AFFILIATION_SOURCE, expired, longAgo.plus(Duration.ofMinutes(1)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dead(person).size() == 6);
        assertTrue(dead(person).get(5).header("dead-letter-reason").contains("n'était pas valide"));
        assertEquals(0, count(ds, "select count(*) from lifecycle_event where subject_ref = ?", person));

        // a token that expired a minute ago, on a record the broker took now: within the clock skew, and verified
        // although expired (the publishers tenant's lifespan grace, for a backlog read late)
        String justExpired = TestTokens.publisher("sih-lifecycle", AFFILIATION_SOURCE, List.of("*"), List.of("*"),
                Instant.now().minus(Duration.ofMinutes(6)), Duration.ofMinutes(5));
        String late = newSubject();
        sendFor(late, "rights-end", AFFILIATION_SOURCE, justExpired, null);
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ?", late);
        // and the right token, now
        String other = newSubject();
        sendFor(other, "rights-end", AFFILIATION_SOURCE, AFFILIATION, null);
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ?", other);
    }

    private List<TestKafka.Received> dead(String person) throws Exception {
        return TestKafka.readToEnd(bootstrap, Topics.dlq(Topics.LIFECYCLE_EVENTS), Duration.ofSeconds(20)).stream()
                .filter(r -> person.equals(r.key())).toList();
    }

    private void send(String person, String name, String source, String token, Instant at) throws Exception {
        sendFor(person, name, source, token, at);
    }

    private void sendFor(String person, String name, String source, String token, Instant at) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id",
                UUID.randomUUID().toString(), "ce_source", source, "ce_type", EventTypes.LIFECYCLE_PREFIX + name));
        if (token != null) {
            headers.put(PublisherTokens.HEADER, token);
        }
        TestKafka.sendRaw(bootstrap, Topics.LIFECYCLE_EVENTS, person,
                lifecycleData(person, LocalDate.of(2026, 1, 15), "CPAM-75", List.of(1), null), headers, at);
        assertNotNull(person);
    }
}
