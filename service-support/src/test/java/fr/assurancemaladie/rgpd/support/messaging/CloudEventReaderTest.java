package fr.assurancemaladie.rgpd.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Records produced by the official CloudEvents Java SDK (its Kafka serializer, in both content modes) as another
 * system of the network would, and records no SDK would write, read by the platform's one reader.
 */
class CloudEventReaderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final CloudEventReader READER = new CloudEventReader(JSON);
    static final String DATA = "{\"subjectRef\":\"" + "a".repeat(64) + "\",\"occurredOn\":\"2026-01-15\"}";

    static CloudEvent everyAttribute() {
        return CloudEventBuilder.v1()
                .withId("evt-1")
                .withSource(URI.create("urn:fr:assurancemaladie:sih:affiliation"))
                .withType("fr.assurancemaladie.lifecycle.rights-end")
                .withSubject("dossier-42")
                .withDataSchema(URI.create("https://schemas.example/lifecycle/v1"))
                .withDataContentType("application/json")
                .withTime(OffsetDateTime.of(2026, 1, 15, 10, 30, 0, 123_000_000, ZoneOffset.ofHours(1)))
                .withExtension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .withExtension("partitionkey", "a".repeat(64))
                .withExtension("attempt", 3)
                .withExtension("replayed", true)
                .withData(DATA.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** What the SDK's Kafka serializer writes, as a consumer receives it. */
    static ConsumerRecord<byte[], byte[]> viaSdk(CloudEvent event, Encoding encoding) {
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
                    CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serializer.serialize("lifecycle.events", headers, event);
            return record("a".repeat(64).getBytes(StandardCharsets.UTF_8), value, headers);
        }
    }

    static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("lifecycle.events", 0, 7L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }

    static ConsumerRecord<byte[], byte[]> binary(String time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("evt-2"));
        headers.add("ce_source", bytes("urn:test"));
        headers.add("ce_type", bytes("fr.assurancemaladie.lifecycle.death"));
        if (time != null) {
            headers.add("ce_time", bytes(time));
        }
        return record(null, bytes(DATA), headers);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bothContentModesOfTheSdkAreReadWithEveryOptionalAttributeAndExtension() {
        for (Encoding encoding : new Encoding[] {Encoding.BINARY, Encoding.STRUCTURED}) {
            ConsumerRecord<byte[], byte[]> record = viaSdk(everyAttribute(), encoding);
            IncomingCloudEvent e = READER.read(record, 64 * 1024);
            assertEquals(encoding == Encoding.STRUCTURED, e.structured(), encoding.toString());
            assertEquals("evt-1", e.id());
            assertEquals("urn:fr:assurancemaladie:sih:affiliation", e.source());
            assertEquals("fr.assurancemaladie.lifecycle.rights-end", e.type());
            assertEquals("dossier-42", e.subject());
            assertEquals("https://schemas.example/lifecycle/v1", e.dataSchema());
            assertTrue(e.dataContentType().startsWith("application/json"), e.dataContentType());
            assertEquals(OffsetDateTime.parse("2026-01-15T09:30:00.123Z").toInstant(), e.time().toInstant());
            assertEquals("3", e.extensions().get("attempt"));
            assertEquals("true", e.extensions().get("replayed"));
            assertTrue(e.extensions().get("traceparent").startsWith("00-0af7"));
            assertEquals("2026-01-15", e.dataObject().path("occurredOn").asText());
            assertEquals("a".repeat(64), e.key());
        }
    }

    @Test
    void theSdksStructuredModeCarriesTheCharsetAndTheMinimalEventToo() {
        CloudEvent minimal = CloudEventBuilder.v1().withId("m").withSource(URI.create("/s")).withType("t")
                .withData("application/json", bytes("{\"a\":1}")).build();
        ConsumerRecord<byte[], byte[]> record = viaSdk(minimal, Encoding.STRUCTURED);
        String contentType = new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8);
        assertTrue(contentType.startsWith("application/cloudevents+json"), contentType);
        IncomingCloudEvent e = READER.read(record, 1024);
        assertNull(e.time());
        assertEquals(1, e.dataObject().path("a").asInt());
    }

    @Test
    void rfc3339TimesInEveryFormTheStandardAllows() {
        assertEquals(OffsetDateTime.parse("2026-01-15T09:00:00Z").toInstant(),
                READER.read(binary("2026-01-15t10:00:00+01:00"), 1024).time().toInstant());
        assertEquals(OffsetDateTime.parse("2026-01-15T10:00:00Z").toInstant(),
                READER.read(binary("2026-01-15t10:00:00z"), 1024).time().toInstant());
        assertEquals(OffsetDateTime.parse("2026-01-15T15:30:00.123456789Z").toInstant(),
                READER.read(binary("2026-01-15T10:00:00.123456789-05:30"), 1024).time().toInstant());
    }

    @Test
    void aTimeThatIsNotRfc3339IsRefusedWithItsReason() {
        for (String time : new String[] {"2026-01-15T10:00:00+0100", "2026-01-15 10:00:00Z", "yesterday",
                "2026-01-15T10:00:00", "2026-02-30T10:00:00Z", "2026-01-15T24:00:00Z", "2026-01-15T10:00Z",
                "+12026-01-15T10:00:00Z", "2026-1-15T10:00:00Z"}) {
            InvalidRecord e = assertThrows(InvalidRecord.class, () -> READER.read(binary(time), 1024), time);
            assertTrue(e.getMessage().contains("« time »"), e.getMessage());
        }
    }

    @Test
    void structuredAttributesMustHaveTheirJsonTypes() {
        String[] bad = {
            "{\"specversion\":1.0,\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"datacontenttype\":[\"a\"],"
                    + "\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":7,\"source\":\"s\",\"type\":\"t\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"time\":1700000000,\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"ext\":{\"a\":1},\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"Bad-Name\":\"x\",\"data\":{}}",
        };
        for (String json : bad) {
            InvalidRecord e = assertThrows(InvalidRecord.class, () -> READER.readStructured(bytes(json)), json);
            assertTrue(e.getMessage().contains("attribut") || e.getMessage().contains("Attribut")
                    || e.getMessage().contains("extension"), e.getMessage());
        }
    }

    @Test
    void structuredAttributesAreLinesLikeBinaryOnes() {
        InvalidRecord e = assertThrows(InvalidRecord.class, () -> READER.readStructured(bytes(
                "{\"specversion\":\"1.0\",\"id\":\"x\\u001b[2J\\nFAKE\",\"source\":\"s\",\"type\":\"t\"}")));
        assertTrue(e.getMessage().contains("« id »") && e.getMessage().contains("U+001B"), e.getMessage());
        assertThrows(InvalidRecord.class, () -> READER.readStructured(bytes(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"" + "s".repeat(3000) + "\",\"type\":\"t\"}")));
    }

    @Test
    void anythingAfterTheEventIsRefused() {
        assertThrows(InvalidRecord.class, () -> READER.readStructured(bytes(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}{\"id\":\"other\"}")));
    }

    @Test
    void aRepeatedHeaderIsRefusedEvenWhenTheFirstHasNoValue() {
        RecordHeaders headers = (RecordHeaders) binary(null).headers();
        headers.remove("ce_type");
        headers.add("ce_type", null);
        headers.add("ce_type", bytes("t"));
        assertThrows(InvalidRecord.class, () -> READER.read(record(null, bytes(DATA), headers), 1024));
    }

    @Test
    void aRepeatedKeyIsRefusedNotResolved() {
        InvalidRecord e = assertThrows(InvalidRecord.class, () -> READER.readStructured(bytes(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"id\":\"2\",\"source\":\"s\",\"type\":\"t\"}")));
        assertTrue(e.getMessage().contains("clé répétée"), e.getMessage());
        RecordHeaders headers = binary(null).headers() instanceof RecordHeaders h ? h : null;
        headers.add("ce_type", bytes("other"));
        InvalidRecord twice = assertThrows(InvalidRecord.class, () -> READER.read(record(null, bytes(DATA), headers),
                1024));
        assertTrue(twice.getMessage().contains("ce_type"), twice.getMessage());
    }

    @Test
    void controlCharactersInvalidUtf8AndSizeAreRefusedWithoutQuotingTheInput() {
        ConsumerRecord<byte[], byte[]> forged = binary(null);
        forged.headers().remove("ce_id");
        forged.headers().add("ce_id", bytes("evt\nFAKE LOG LINE"));
        InvalidRecord control = assertThrows(InvalidRecord.class, () -> READER.read(forged, 1024));
        assertTrue(control.getMessage().contains("U+000A"), control.getMessage());
        assertFalse(control.getMessage().contains("FAKE"), control.getMessage());

        ConsumerRecord<byte[], byte[]> badKey = record(new byte[] {(byte) 0xff, (byte) 0xfe}, bytes(DATA),
                (RecordHeaders) binary(null).headers());
        assertTrue(assertThrows(InvalidRecord.class, () -> READER.read(badKey, 1024)).getMessage().contains("UTF-8"));

        InvalidRecord large = assertThrows(InvalidRecord.class, () -> READER.read(binary(null), 10));
        assertTrue(large.getMessage().contains("trop volumineux"), large.getMessage());
    }

    @Test
    void whatIsNotACloudEventSaysSo() {
        InvalidRecord e = assertThrows(InvalidRecord.class, () -> READER.read(record(null, bytes("{\"a\":1}"),
                new RecordHeaders()), 1024));
        assertTrue(e.getMessage().startsWith("Pas un CloudEvent"), e.getMessage());
        RecordHeaders structured = new RecordHeaders();
        structured.add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));
        assertThrows(InvalidRecord.class, () -> READER.read(record(null, bytes("not json"), structured), 1024));
        assertThrows(InvalidRecord.class, () -> READER.read(record(null, bytes("[1,2]"), structured), 1024));
        RecordHeaders batch = new RecordHeaders();
        batch.add("content-type", bytes("application/cloudevents-batch+json"));
        assertTrue(assertThrows(InvalidRecord.class, () -> READER.read(record(null, bytes("[]"), batch), 1024))
                .getMessage().contains("non pris en charge"));
    }

    @Test
    void base64DataAndEventsWithoutDataAreRead() {
        String data = java.util.Base64.getEncoder().encodeToString(bytes(DATA));
        IncomingCloudEvent e = READER.readStructured(bytes("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\","
                + "\"type\":\"t\",\"datacontenttype\":\"application/json\",\"data_base64\":\"" + data + "\"}"));
        assertEquals("2026-01-15", e.dataObject().path("occurredOn").asText());
        IncomingCloudEvent none = READER.readStructured(bytes("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\","
                + "\"type\":\"t\"}"));
        assertNull(none.data());
        assertThrows(InvalidRecord.class, none::dataObject);
    }
}
