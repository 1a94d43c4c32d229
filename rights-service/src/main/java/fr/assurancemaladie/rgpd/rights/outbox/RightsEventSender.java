package fr.assurancemaladie.rgpd.rights.outbox;

import fr.assurancemaladie.rgpd.events.EventTypes;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends one outbox event to {@code rights.events}: binary CloudEvent, key = subjectRef, id = the event's id. */
@ApplicationScoped
public class RightsEventSender {

    static final URI SOURCE = URI.create(EventTypes.SOURCE_PREFIX + "rights-service");

    @Inject
    @Channel("rights-out")
    @org.eclipse.microprofile.reactive.messaging.OnOverflow(value = org.eclipse.microprofile.reactive.messaging.OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    /** Completes when Kafka acknowledged the record. */
    public CompletableFuture<Void> send(OutboxEvent e) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(e.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.recordKey).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(e.eventId.toString())
                        .withType(e.type)
                        .withSource(SOURCE)
                        .withSubject(e.recordKey)
                        .withDataContentType("application/json")
                        .withTimestamp(e.createdAt.atZone(ZoneOffset.UTC))
                        .build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
