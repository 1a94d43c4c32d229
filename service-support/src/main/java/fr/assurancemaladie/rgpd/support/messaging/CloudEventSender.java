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
 * relay of the platform needs.
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
