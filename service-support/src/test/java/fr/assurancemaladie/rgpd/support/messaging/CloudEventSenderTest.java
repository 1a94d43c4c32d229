package fr.assurancemaladie.rgpd.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The binary record a plain producer sends, as the official CloudEvents SDK and the platform's reader decode it. */
class CloudEventSenderTest {

    static final String KEY = "b".repeat(64);
    static final byte[] DATA = "{\"scheduleId\":\"s-1\",\"dueOn\":\"2026-03-01\"}".getBytes(StandardCharsets.UTF_8);
    static final ZonedDateTime TIME = ZonedDateTime.of(2026, 12, 2, 1, 2, 3, 456_789_000, ZoneOffset.UTC);

    static ProducerRecord<String, byte[]> sent() {
        return CloudEventSender.binaryRecord("retention.deletion-orders", KEY, "s-1",
                "fr.assurancemaladie.retention.deletion.ordered", URI.create("urn:fr:assurancemaladie:rgpd:retention"),
                TIME, DATA);
    }

    @Test
    void theSdkDecodesEveryAttribute() {
        ProducerRecord<String, byte[]> r = sent();
        assertEquals(KEY, r.key());
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            sdk.configure(Map.of(), false);
            CloudEvent e = sdk.deserialize(r.topic(), r.headers(), r.value());
            assertEquals("1.0", e.getSpecVersion().toString());
            assertEquals("s-1", e.getId());
            assertEquals("fr.assurancemaladie.retention.deletion.ordered", e.getType());
            assertEquals(URI.create("urn:fr:assurancemaladie:rgpd:retention"), e.getSource());
            assertEquals(KEY, e.getSubject());
            assertEquals("application/json", e.getDataContentType());
            assertEquals(TIME.toOffsetDateTime(), e.getTime());
            assertNotNull(e.getData());
            assertEquals(new String(DATA, StandardCharsets.UTF_8),
                    new String(e.getData().toBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void thePlatformsReaderReadsItAsBinary() {
        ProducerRecord<String, byte[]> r = sent();
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        ConsumerRecord<byte[], byte[]> received = CloudEventReaderTest.record(KEY.getBytes(StandardCharsets.UTF_8),
                r.value(), headers);
        IncomingCloudEvent e = new CloudEventReader(new ObjectMapper()).read(received, 64 * 1024);
        assertFalse(e.structured());
        assertEquals("s-1", e.id());
        assertEquals(KEY, e.subject());
        assertEquals(OffsetDateTime.parse("2026-12-02T01:02:03.456789Z").toInstant(), e.time().toInstant());
        assertEquals("2026-03-01", e.dataObject().path("dueOn").asText());
    }
}
