package fr.assurancemaladie.rgpd.register.publication;

import fr.assurancemaladie.rgpd.events.EventTypes;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes fiches on {@code register.fiches} (compacted, key = fiche number) as CloudEvents in binary mode: the
 * record value is the fiche JSON, the CloudEvent attributes travel in {@code ce_*} headers.
 */
@ApplicationScoped
public class FichePublisher {

    static final URI SOURCE = URI.create(EventTypes.SOURCE_PREFIX + "register-service");

    @Inject
    @Channel("fiches-out")
    Emitter<String> emitter;

    /** Completes when Kafka has acknowledged the record. */
    public CompletionStage<Void> published(int number, String ficheJson) {
        return send(number, EventTypes.FICHE_PUBLISHED, ficheJson);
    }

    private CompletionStage<Void> send(int number, String type, String data) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(data)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(String.valueOf(number)).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(UUID.randomUUID().toString())
                        .withType(type)
                        .withSource(SOURCE)
                        .withSubject(String.valueOf(number))
                        .withDataContentType("application/json")
                        .withTimestamp(ZonedDateTime.now())
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
