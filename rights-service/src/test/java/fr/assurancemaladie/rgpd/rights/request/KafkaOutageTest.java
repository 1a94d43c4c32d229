package fr.assurancemaladie.rgpd.rights.request;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Nir;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import fr.assurancemaladie.rgpd.rights.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Kafka stopped: 50 submissions are accepted all the same; Kafka back: each of their events arrives once, in order per
 * person. The broker really stops (same port and data kept) and starts again.
 */
@QuarkusTest
class KafkaOutageTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "health/ready", management = true)
    java.net.URL ready;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void submissionsSurviveKafkaBeingDownAndTheirEventsArriveOnceInOrder() throws Exception {
        QuarkusTransaction.requiringNew().run(RequestApiTest::projectTestRegister);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String body = "2900357463" + String.format("%03d", 100 + i);
            String nir = body + String.format("%02d", Nir.expectedKey(body));
            tokens.add(TestTokens.citizen("outage." + i, nir, "CPAM-57"));
        }
        Map<String, List<String>> requestsByToken = new LinkedHashMap<>();
        SharedInfra.get().stopKafka();
        try {
            for (int n = 0; n < 50; n++) {
                String token = tokens.get(n % tokens.size());
                String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("type", n % 2 == 0 ? "ACCESS" : "RECTIFICATION", "ficheNumber", 2,
                                "rectification", "Nouvelle adresse n°" + n))
                        .when().post("/api/v1/requests").then().statusCode(201).extract().path("id");
                requestsByToken.computeIfAbsent(token, k -> new ArrayList<>()).add(id);
            }
            long unsent = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
            assertTrue(unsent >= 100, "the events wait in the outbox: " + unsent);
        } finally {
            SharedInfra.get().startKafka();
        }
        org.awaitility.Awaitility.await("outbox drained after Kafka came back").atMost(Duration.ofSeconds(150))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null")) == 0);
        List<TestKafka.Received> records = TestKafka.readToEnd(bootstrapServers, Topics.RIGHTS_EVENTS, Duration.ofSeconds(60));
        Map<String, List<String>> seenPerPerson = new HashMap<>();
        Map<String, Integer> perEvent = new HashMap<>();
        for (TestKafka.Received r : records) {
            String requestId = JSON.readTree(r.value()).path("requestId").asText();
            seenPerPerson.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(requestId + " " + r.header("ce_type"));
            perEvent.merge(r.header("ce_id"), 1, Integer::sum);
        }
        perEvent.forEach((id, count) -> assertEquals(1, count, "event " + id + " published once"));
        for (List<String> ids : requestsByToken.values()) {
            String key = QuarkusTransaction.requiringNew().call(() ->
                    ((RightsRequest) RightsRequest.findById(java.util.UUID.fromString(ids.get(0)))).subjectRef);
            List<String> expected = new ArrayList<>();
            for (String id : ids) {
                expected.add(id + " " + EventTypes.REQUEST_SUBMITTED);
                expected.add(id + " " + EventTypes.REQUEST_ROUTED);
            }
            List<String> seen = seenPerPerson.getOrDefault(key, List.of()).stream()
                    .filter(e -> ids.contains(e.split(" ")[0])).toList();
            assertEquals(expected, seen, "every event once, in order, for one person");
        }
        // as another system reads it: the official CloudEvents SDK decodes every record of rights.events
        List<fr.assurancemaladie.rgpd.testing.SdkKafka.Decoded> decoded =
                fr.assurancemaladie.rgpd.testing.SdkKafka.readAll(bootstrapServers, Topics.RIGHTS_EVENTS,
                        Duration.ofSeconds(60));
        assertEquals(records.size(), decoded.size(), "every record is a CloudEvent the SDK reads");
        for (var d : decoded) {
            assertTrue(d.type().startsWith("fr.assurancemaladie.rights."), d.type());
            assertEquals("application/json", d.dataContentType());
            assertEquals(d.key(), JSON.readTree(d.data()).path("subjectRef").asText(), "key = subjectRef");
            assertTrue(d.time() != null && !d.id().isBlank() && !d.source().isBlank(), d.toString());
        }
        // and the service is healthy again
        given().when().get(ready).then().statusCode(200);
    }
}
