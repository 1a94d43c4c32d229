package fr.assurancemaladie.rgpd.register.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.SdkKafka;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.register.fiche.FicheVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every published fiche reaches register.fiches once, whole, as its typed contract {@link FichePublished}, in a CloudEvent keyed by its number. */
@QuarkusTest
class RegisterFichesTopicTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    FicheOutbox outbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyPublishedFicheIsOnTheTopicOnce() throws Exception {
        awaitOutboxEmpty();
        List<TestKafka.Received> records = TestKafka.readToEnd(bootstrapServers, Topics.REGISTER_FICHES, Duration.ofSeconds(60));
        Map<String, Integer> perVersion = new HashMap<>();
        Map<Integer, JsonNode> firstVersions = new HashMap<>();
        for (TestKafka.Received r : records) {
            JsonNode fiche = JSON.readTree(r.value());
            int number = fiche.path("number").asInt();
            if (number < 1 || number > 87) {
                continue; // other tests put their own records on the topic
            }
            assertEquals(String.valueOf(number), r.key(), "key = fiche number");
            assertEquals(EventTypes.FICHE_PUBLISHED, r.header("ce_type"));
            assertEquals(String.valueOf(number), r.header("ce_subject"));
            assertEquals("PUBLISHED", fiche.path("status").asText());
            // the typed contract, exactly: no field outside FichePublished, and nothing of the record lost
            FichePublished typed = mapper.readerFor(FichePublished.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(r.value());
            assertEquals(fiche, mapper.valueToTree(typed), "fiche " + number + " is its FichePublished");
            perVersion.merge(number + "/" + fiche.path("version").asInt(), 1, Integer::sum);
            if (fiche.path("version").asInt() == 1) {
                firstVersions.put(number, fiche);
            }
        }
        assertEquals(IntStream.rangeClosed(1, 87).boxed().toList(), firstVersions.keySet().stream().sorted().toList(),
                "version 1 of every fiche");
        perVersion.forEach((key, count) -> assertEquals(1, count, "fiche/version " + key + " sent once"));
        JsonNode one = firstVersions.get(1);
        assertEquals("RIGHTS_END", one.path("retentionRules").get(0).path("trigger").asText(), "the whole fiche");
        assertTrue(one.path("rights").path("objection").has("reason"));

        // a relay run (as after a restart) republishes nothing: everything published was acknowledged
        long unsent = QuarkusTransaction.requiringNew().call(() -> FicheVersion.count(
                "status = ?1 and eventSentAt is null", FicheVersion.Status.PUBLISHED));
        assertEquals(0, unsent);
        outbox.relay();
        List<TestKafka.Received> after = TestKafka.readToEnd(bootstrapServers, Topics.REGISTER_FICHES, Duration.ofSeconds(60));
        assertEquals(registerRecords(records), registerRecords(after), "no fiche record added by another relay run");

        // as another system reads it: the official CloudEvents SDK decodes every record of the topic
        List<SdkKafka.Decoded> decoded = SdkKafka.readAll(bootstrapServers, Topics.REGISTER_FICHES, Duration.ofSeconds(60));
        assertEquals(after.size(), decoded.size(), "every record is a CloudEvent the SDK reads");
        for (SdkKafka.Decoded d : decoded) {
            assertEquals(EventTypes.FICHE_PUBLISHED, d.type());
            assertEquals("application/json", d.dataContentType());
            assertEquals(d.key(), String.valueOf(JSON.readTree(d.data()).path("number").asInt()));
            assertTrue(d.time() != null && !d.id().isBlank() && !d.source().isBlank(), d.toString());
        }
    }

    private static long registerRecords(List<TestKafka.Received> records) {
        return records.stream().filter(r -> r.key() != null && r.key().matches("\\d{1,2}")).count();
    }

    private void awaitOutboxEmpty() {
        org.awaitility.Awaitility.await("outbox drained").atMost(Duration.ofSeconds(60)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> FicheVersion.count("status = ?1 and eventSentAt is null",
                        FicheVersion.Status.PUBLISHED)) == 0);
    }
}
