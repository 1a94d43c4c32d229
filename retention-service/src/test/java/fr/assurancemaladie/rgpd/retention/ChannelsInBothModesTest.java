package fr.assurancemaladie.rgpd.retention;

import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.awaitCount;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.count;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.newSubject;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.SdkKafka;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every channel this service consumes — register.fiches, rights.events, retention.deletion-confirmations, besides
 * lifecycle.events — read in structured content mode as the official CloudEvents SDK writes it, with optional
 * attributes and extensions; and on each one, records nobody should write are dead-lettered, counted per channel on
 * /q/metrics, and the consumer goes on, ready.
 */
@QuarkusTest
class ChannelsInBothModesTest {

    static final String DPO_PARIS = TestTokens.dpo("dpo.paris", "CPAM-75");
    static final String ADMIN = TestTokens.withRoles("admin", "admin");
    static final Map<String, Object> EXTENSIONS = Map.of("traceparent",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "attempt", 1);

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    static SdkKafka.Event structured(String type, String json) {
        return SdkKafka.Event.of(UUID.randomUUID().toString(), "urn:test:sdk", type, json)
                .withTime(OffsetDateTime.now(ZoneOffset.ofHours(1))).withExtensions(EXTENSIONS);
    }

    @Test
    void everyChannelReadsTheSdksStructuredModeAndDeadLettersWhatItCannotRead() throws Exception {
        // register.fiches: a fiche published in structured mode is projected
        int fiche = 4321;
        SdkKafka.send(bootstrap, Topics.REGISTER_FICHES, String.valueOf(fiche), structured(EventTypes.FICHE_PUBLISHED,
                "{\"number\": " + fiche + ", \"version\": 1, \"title\": \"Fiche d'essai\", \"retentionRules\": [{"
                        + "\"text\": \"3 ans après le départ de l'agent\", \"duration\": \"P3Y\", "
                        + "\"trigger\": \"EMPLOYEE_DEPARTURE\", \"fate\": \"DESTRUCTION\", \"untilFinalDecisionIfLitigation\": "
                        + "false, \"status\": \"STRUCTURED\"}]}"), true, Map.of(), Map.of());
        awaitCount(ds, 1, "select count(*) from fiche_rule where fiche_number = ? and executable", fiche);

        // rights.events: a limitation applied in structured mode holds the person's deletions
        String person = newSubject();
        String request = UUID.randomUUID().toString();
        SdkKafka.send(bootstrap, Topics.RIGHTS_EVENTS, person, structured(EventTypes.LIMITATION_APPLIED,
                "{\"requestId\":\"" + request + "\",\"subjectRef\":\"" + person + "\",\"requestType\":\"LIMITATION\","
                        + "\"status\":\"ANSWERED\",\"caisseCode\":\"CPAM-75\",\"ficheNumbers\":[" + fiche + "],"
                        + "\"occurredAt\":\"" + Instant.now() + "\"}"), true, Map.of(), Map.of());
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ? and kind = 'LIMITATION'", person);
        SdkKafka.send(bootstrap, Topics.RIGHTS_EVENTS, person, structured(EventTypes.LIMITATION_LIFTED,
                "{\"requestId\":\"" + request + "\",\"subjectRef\":\"" + person + "\",\"requestType\":\"LIMITATION\","
                        + "\"status\":\"ANSWERED\",\"caisseCode\":\"CPAM-75\",\"ficheNumbers\":[" + fiche + "],"
                        + "\"occurredAt\":\"" + Instant.now() + "\"}"), true, Map.of(), Map.of());
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ? and released_at is not null", person);

        // retention.deletion-confirmations: an order confirmed in structured mode leaves its proof
        // (a trigger no other test uses: this fiche changes nothing for them)
        RetentionTestSupport.sendLifecycle(bootstrap, person, "employee-departure", RetentionTestSupport.lifecycleData(person,
                LocalDate.of(2020, 1, 1), "CPAM-75", List.of(fiche), null), "both-" + person);
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ?", person);
        given().auth().oauth2(ADMIN).queryParam("asOf", "2023-01-02").when().post("/api/v1/sweeps")
                .then().statusCode(200);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ? and status = 'ORDERED'", person);
        String scheduleId = given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person)
                .when().get("/api/v1/schedules").then().extract().path("items[0].id");
        SdkKafka.send(bootstrap, Topics.DELETION_CONFIRMATIONS, person, structured(EventTypes.DELETION_CONFIRMED,
                "{\"scheduleId\":\"" + scheduleId + "\",\"subjectRef\":\"" + person + "\",\"confirmedAt\":\""
                        + Instant.now() + "\",\"system\":\"SI-PRESTATIONS\"}"), true, Map.of(), Map.of());
        awaitCount(ds, 1, "select count(*) from deletion_proof where subject_ref = ?", person);

        // on each channel, garbage: dead-lettered with its reason, and the channel goes on
        String poison = newSubject();
        for (String topic : List.of(Topics.REGISTER_FICHES, Topics.RIGHTS_EVENTS, Topics.DELETION_CONFIRMATIONS)) {
            String key = topic.equals(Topics.REGISTER_FICHES) ? "4322" : poison;
            TestKafka.sendRaw(bootstrap, topic, key, "{\"specversion\":\"1.0\",\"id\":\"x\",\"id\":\"y\"}",
                    Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
            TestKafka.sendRaw(bootstrap, topic, key, "not json", Map.of("ce_specversion", "1.0", "ce_id", "z",
                    "ce_source", "urn:x", "ce_type", EventTypes.LIMITATION_APPLIED, "ce_time", "2026-13-45T99:00:00Z"));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.readToEnd(bootstrap, Topics.dlq(topic),
                    Duration.ofSeconds(20)).stream().filter(r -> key.equals(r.key())).count() == 2);
        }
        String next = newSubject();
        SdkKafka.send(bootstrap, Topics.RIGHTS_EVENTS, next, structured(EventTypes.LIMITATION_APPLIED,
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"subjectRef\":\"" + next + "\",\"requestType\":"
                        + "\"LIMITATION\",\"status\":\"ANSWERED\",\"caisseCode\":\"CPAM-75\"}"), false, Map.of(),
                Map.of());
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ?", next);

        given().when().get(ready).then().statusCode(200);
        String text = given().when().get(metrics).then().statusCode(200).extract().asString();
        for (String channel : List.of("register-fiches", "rights-events", "deletion-confirmations")) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith("rgpd_dead_letters_total{")
                    && l.contains("channel=\"" + channel + "\"") && !l.endsWith(" 0.0")), channel + " counted");
        }
        assertEquals(0, count(ds, "select count(*) from fiche_projection where number = 4322"));
    }

    @Test
    void metricsAreLabelledByRouteTemplatesOnly() {
        for (int i = 0; i < 25; i++) {
            given().when().get("/api/v1/nothing-" + i + "-" + UUID.randomUUID()).then().statusCode(404);
            given().when().delete("/api/v1/schedules/" + UUID.randomUUID()).then().statusCode(405);
        }
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/schedules/" + UUID.randomUUID()).then().statusCode(404);
        String text = given().when().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests")).extract().asString();
        assertTrue(text.lines().noneMatch(l -> l.contains("nothing-")), "no series per unknown path");
        assertTrue(text.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .noneMatch(l -> l.matches(".*uri=\"/api/v1/schedules/[0-9a-f-]{36}\".*")), "no series per id");
        assertTrue(text.lines().anyMatch(l -> l.contains("uri=\"/api/v1/schedules/{id}\"")), "the template");
    }
}
