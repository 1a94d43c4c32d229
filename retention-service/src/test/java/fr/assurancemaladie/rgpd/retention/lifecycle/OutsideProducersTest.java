package fr.assurancemaladie.rgpd.retention.lifecycle;

import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.awaitCount;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.count;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.lifecycleData;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.newSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.SdkKafka;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import fr.assurancemaladie.rgpd.retention.RetentionTestSupport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lifecycle.events as other systems of the network fill it: producers built on the official CloudEvents Java SDK, in
 * either content mode, with every optional attribute, extensions and time offsets; and records nobody should write.
 * Whatever comes, the consumer goes on: a good event sent after a bad one is always scheduled.
 */
@QuarkusTest
class OutsideProducersTest {

    static final String SOURCE = "urn:fr:assurancemaladie:sih:affiliation";
    /** The affiliation system's token, which its records carry. */
    static final Map<String, String> TOKEN = Map.of("rgpd-publisher-token", TestTokens.publisher("sih-affiliation",
            SOURCE, List.of("*"), List.of("*")));

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

    static SdkKafka.Event rightsEnd(String person, LocalDate on) {
        return SdkKafka.Event.of(UUID.randomUUID().toString(), SOURCE, EventTypes.LIFECYCLE_PREFIX + "rights-end",
                lifecycleData(person, on, "CPAM-75", List.of(1), null));
    }

    /** A good event after the bad one: scheduled, so the consumer did not stop on the bad one. */
    void theNextEventIsStillScheduled() throws Exception {
        String next = newSubject();
        SdkKafka.send(bootstrap, Topics.LIFECYCLE_EVENTS, next, rightsEnd(next, LocalDate.of(2026, 3, 1)), false,
                Map.of(), TOKEN);
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ?", next);
    }

    @Test
    void theSdksStructuredModeIsReadWithEveryOptionalAttributeAndExtension() throws Exception {
        String person = newSubject();
        SdkKafka.Event event = rightsEnd(person, LocalDate.of(2026, 1, 15))
                .withSubject("dossier-affiliation-42")
                .withDataSchema("https://schemas.assurance-maladie.example/lifecycle/1.0")
                .withTime(OffsetDateTime.of(2026, 1, 15, 23, 30, 0, 0, ZoneOffset.ofHours(-10)))
                .withExtensions(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                        "partitionkey", person, "attempt", 2, "replayed", false));
        SdkKafka.send(bootstrap, Topics.LIFECYCLE_EVENTS, person, event, true, Map.of(), TOKEN);
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ? and due_on = date '2029-01-15'",
                person);
        theNextEventIsStillScheduled();
    }

    @Test
    void theSdksBinaryModeIsReadWithTimeOffsetsAndExtensions() throws Exception {
        String person = newSubject();
        SdkKafka.send(bootstrap, Topics.LIFECYCLE_EVENTS, person, rightsEnd(person, LocalDate.of(2026, 2, 1))
                .withTime(OffsetDateTime.of(2026, 2, 1, 8, 0, 0, 999_000_000, ZoneOffset.ofHoursMinutes(5, 30)))
                .withExtensions(Map.of("comexampleextension1", "value", "attempt", 7)), false, Map.of(), TOKEN);
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ? and due_on = date '2029-02-01'",
                person);
    }

    @Test
    void aBinaryTimeInLowerCaseIsRfc3339AndIsRead() throws Exception {
        String person = newSubject();
        sendBinary(person, "2026-01-15t10:00:00z");
        awaitCount(ds, 1, "select count(*) from schedule where subject_ref = ?", person);
    }

    @Test
    void aBinaryTimeThatIsNotRfc3339GoesToTheDlqAndTheConsumerGoesOn() throws Exception {
        String person = newSubject();
        sendBinary(person, "2026-01-15T10:00:00+0100");
        TestKafka.Received dead = TestKafka.awaitRecord(bootstrap, Topics.dlq(Topics.LIFECYCLE_EVENTS), person,
                Duration.ofSeconds(30));
        assertNotNull(dead, "the event is on the DLQ");
        assertTrue(dead.header("dead-letter-reason").contains("« time »"), dead.header("dead-letter-reason"));
        assertEquals(Topics.LIFECYCLE_EVENTS, dead.header("dead-letter-topic"));
        assertNotNull(dead.header("dead-letter-offset"));
        theNextEventIsStillScheduled();
        assertEquals(0, count(ds, "select count(*) from lifecycle_event where subject_ref = ?", person));
    }

    @Test
    void aRecordTooLargeForTheDlqLeavesATruncatedCopyAndIngestionGoesOn() throws Exception {
        String person = newSubject();
        String huge = lifecycleData(person, LocalDate.of(2026, 1, 15), "CPAM-75", List.of(1), null)
                .replace("}", ",\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        SdkKafka.send(bootstrap, Topics.LIFECYCLE_EVENTS, person, SdkKafka.Event.of(UUID.randomUUID().toString(),
                SOURCE, EventTypes.LIFECYCLE_PREFIX + "rights-end", huge), true, Map.of("compression.type", "gzip"),
                TOKEN);
        TestKafka.Received dead = TestKafka.awaitRecord(bootstrap, Topics.dlq(Topics.LIFECYCLE_EVENTS), person,
                Duration.ofSeconds(60));
        assertNotNull(dead, "a copy of the record is on the DLQ");
        assertTrue(dead.header("dead-letter-reason").contains("trop volumineux"), dead.header("dead-letter-reason"));
        assertEquals("true", dead.header("dead-letter-truncated"));
        assertTrue(Integer.parseInt(dead.header("dead-letter-original-size")) > 2 * 1024 * 1024);
        assertTrue(dead.value().length() <= 16 * 1024, "truncated value");
        theNextEventIsStillScheduled();
    }

    @Test
    void garbageOfEveryKindIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        String person = newSubject();
        TestKafka.sendRaw(bootstrap, Topics.LIFECYCLE_EVENTS, person, "not json at all",
                Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
        TestKafka.sendRaw(bootstrap, Topics.LIFECYCLE_EVENTS, person, "{\"specversion\":\"1.0\",\"id\":\"1\","
                + "\"id\":\"2\",\"source\":\"s\",\"type\":\"t\"}", Map.of("content-type", "application/cloudevents+json"));
        TestKafka.sendRaw(bootstrap, Topics.LIFECYCLE_EVENTS, person, "{}", Map.of());
        awaitDeadLetters(person, 3);
        theNextEventIsStillScheduled();
    }

    private void awaitDeadLetters(String key, int n) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.readToEnd(bootstrap,
                Topics.dlq(Topics.LIFECYCLE_EVENTS), Duration.ofSeconds(20)).stream()
                .filter(r -> key.equals(r.key())).count() == n);
    }

    private void sendBinary(String person, String time) throws Exception {
        TestKafka.sendRaw(bootstrap, Topics.LIFECYCLE_EVENTS, person,
                lifecycleData(person, LocalDate.of(2026, 1, 15), "CPAM-75", List.of(1), null),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", SOURCE,
                        "ce_type", EventTypes.LIFECYCLE_PREFIX + "rights-end", "ce_time", time,
                        "content-type", "application/json", "rgpd-publisher-token", TOKEN.get("rgpd-publisher-token")));
    }
}
