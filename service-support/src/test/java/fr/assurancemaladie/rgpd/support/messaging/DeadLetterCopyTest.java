package fr.assurancemaladie.rgpd.support.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What a dead letter carries, whole and truncated. */
class DeadLetterCopyTest {

    static String header(ProducerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static ConsumerRecord<byte[], byte[]> rejected(byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "t".getBytes(StandardCharsets.UTF_8));
        headers.add("rgpd-publisher-token", "eyJ.secret.token".getBytes(StandardCharsets.UTF_8));
        headers.add("x-big", new byte[300_000]);
        return new ConsumerRecord<>("lifecycle.events", 2, 41L, 0L, TimestampType.CREATE_TIME, -1, -1,
                "key".getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }

    @Test
    void aWholeCopyKeepsTheRecordAndAddsItsCoordinatesButNeverACredential() {
        byte[] value = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> copy = DeadLetterQueue.copy(new DeadLetterQueue.Rejected(rejected(value),
                "Type d'événement inconnu"), DeadLetterQueue.Copy.WHOLE, "lifecycle-events");
        assertEquals("lifecycle.events.dlq", copy.topic());
        assertArrayEquals(value, copy.value());
        assertEquals("e-1", header(copy, "ce_id"));
        assertNotNull(copy.headers().lastHeader("x-big"));
        assertNull(copy.headers().lastHeader("rgpd-publisher-token"));
        assertEquals("Type d'événement inconnu", header(copy, "dead-letter-reason"));
        assertEquals("lifecycle.events", header(copy, "dead-letter-topic"));
        assertEquals("2", header(copy, "dead-letter-partition"));
        assertEquals("41", header(copy, "dead-letter-offset"));
        assertEquals("lifecycle-events", header(copy, "dead-letter-channel"));
        assertNull(header(copy, "dead-letter-truncated"));
    }

    @Test
    void thousandsOfHeadersAreCappedAndABareCopyKeepsOnlyTheReasonAndTheCoordinates() {
        ConsumerRecord<byte[], byte[]> many = rejected(new byte[100]);
        for (int i = 0; i < 3000; i++) {
            many.headers().add("content-type", new byte[1000]);
        }
        ProducerRecord<byte[], byte[]> truncated = DeadLetterQueue.copy(new DeadLetterQueue.Rejected(many,
                "En-tête répété"), DeadLetterQueue.Copy.TRUNCATED, "lifecycle-events");
        int bytes = 0;
        int count = 0;
        for (var h : truncated.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                count++;
                bytes += h.key().length() + h.value().length;
            }
        }
        assertTrue(count <= DeadLetterQueue.TRUNCATED_HEADERS && bytes <= DeadLetterQueue.TRUNCATED_HEADER_BYTES,
                count + " headers, " + bytes + " bytes");
        ProducerRecord<byte[], byte[]> bare = DeadLetterQueue.copy(new DeadLetterQueue.Rejected(many,
                "En-tête répété"), DeadLetterQueue.Copy.BARE, "lifecycle-events");
        for (var h : bare.headers()) {
            assertTrue(h.key().startsWith("dead-letter-"), h.key());
        }
        assertEquals("En-tête répété", header(bare, "dead-letter-reason"));
        assertEquals("41", header(bare, "dead-letter-offset"));
    }

    @Test
    void aTruncatedCopyKeepsTheReasonTheCoordinatesAndTheCloudEventsHeaders() {
        byte[] value = new byte[2_000_000];
        ProducerRecord<byte[], byte[]> copy = DeadLetterQueue.copy(new DeadLetterQueue.Rejected(rejected(value),
                "Enregistrement trop volumineux"), DeadLetterQueue.Copy.TRUNCATED, "lifecycle-events");
        assertEquals(DeadLetterQueue.TRUNCATED_VALUE_BYTES, copy.value().length);
        assertEquals("true", header(copy, "dead-letter-truncated"));
        assertEquals("2000000", header(copy, "dead-letter-original-size"));
        assertEquals("e-1", header(copy, "ce_id"));
        assertNull(copy.headers().lastHeader("x-big"));
        assertNull(copy.headers().lastHeader("rgpd-publisher-token"));
        assertEquals("41", header(copy, "dead-letter-offset"));
    }
}
