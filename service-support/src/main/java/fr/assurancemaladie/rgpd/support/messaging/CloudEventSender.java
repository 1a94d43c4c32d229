package fr.assurancemaladie.rgpd.support.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one CloudEvent in binary mode on a Kafka channel (the value is the JSON data, the attributes travel in
 * {@code ce_*} headers, the record key is the ordering key) and tells when Kafka acknowledged it — what every outbox
 * relay of the platform needs. {@link #binaryRecord} writes the same record for a plain {@code KafkaProducer}, where a
 * path is too hot for the channel's per-message work (retention's deletion orders, issue 15).
 */
public final class CloudEventSender {

    private CloudEventSender() {
    }

    /** Completes when Kafka acknowledged the record, exceptionally when it refused it. */
    public static CompletableFuture<Void> send(Emitter<String> emitter, String key, String id, String type, URI source,
            ZonedDateTime time, String data) {
        return send(emitter, key, id, type, source, time, data, java.util.Map.of());
    }

    /** The same, with extra record headers (e.g. the publisher's token). */
    public static CompletableFuture<Void> send(Emitter<String> emitter, String key, String id, String type, URI source,
            ZonedDateTime time, String data, java.util.Map<String, String> headers) {
        org.apache.kafka.common.header.internals.RecordHeaders recordHeaders =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name,
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return sendAcknowledged(emitter, Message.of(data)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(recordHeaders)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(id)
                        .withType(type)
                        .withSource(source)
                        .withSubject(key)
                        .withDataContentType("application/json")
                        .withTimestamp(time)
                        .build()));
    }

    /**
     * The record the channel path writes ({@code cloud-events-mode=binary}), for a plain producer: the JSON data as the
     * value, {@code ce_specversion, ce_id, ce_type, ce_source, ce_subject (= key), ce_time} and {@code content-type}
     * (the binary mode's {@code datacontenttype}) as headers. Both are read by {@code CloudEventReader} and by the
     * official CloudEvents SDK.
     */
    public static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> binaryRecord(String topic,
            String key, String id, String type, URI source, ZonedDateTime time, byte[] data) {
        return binary(type, source, time).record(topic, key, id, data);
    }

    /** The attributes many events share (a sweep's orders: same type, source and time), encoded once. */
    public static Binary binary(String type, URI source, ZonedDateTime time) {
        return new Binary(utf8(type), utf8(source.toString()),
                utf8(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)));
    }

    /** See {@link #binaryRecord}; header values are not copied, so the shared ones must not be changed. */
    public record Binary(byte[] type, byte[] source, byte[] time) {
        public org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String topic, String key,
                String id, byte[] data) {
            org.apache.kafka.common.header.internals.RecordHeaders h =
                    new org.apache.kafka.common.header.internals.RecordHeaders();
            h.add("ce_specversion", SPEC_VERSION);
            h.add("ce_id", utf8(id));
            h.add("ce_type", type);
            h.add("ce_source", source);
            h.add("ce_subject", utf8(key));
            h.add("ce_time", time);
            h.add("content-type", JSON);
            return new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, key, data, h);
        }
    }

    private static final byte[] SPEC_VERSION = utf8("1.0");
    private static final byte[] JSON = utf8("application/json");

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sends any message; completes when Kafka acknowledged it, exceptionally when it refused it. */
    public static CompletableFuture<Void> sendAcknowledged(Emitter<String> emitter, Message<String> message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            emitter.send(message
                    .withAck(() -> {
                        acked.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        acked.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException refused) {
            // the emitter's buffer is full or the channel has failed: the caller decides (503, retry), never a 500
            acked.completeExceptionally(refused);
        }
        return acked;
    }
}
