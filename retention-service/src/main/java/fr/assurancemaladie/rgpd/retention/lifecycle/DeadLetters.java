package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.support.messaging.CloudEventSender;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends rejected lifecycle records to {@code lifecycle.events.dlq}: the record as it came (key, value, headers) plus
 * the same {@code dead-letter-*} headers SmallRye's dead-letter strategy writes, so one tool reads every DLQ.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    @Channel("lifecycle-dlq")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    /** A record and why it was rejected. */
    public record Rejected(ConsumerRecord<String, String> record, String reason) {
    }

    /** Completes when Kafka has every rejected record. */
    public CompletableFuture<Void> send(List<Rejected> rejected) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Rejected r : rejected) {
            RecordHeaders headers = new RecordHeaders();
            for (Header h : r.record().headers()) {
                headers.add(h);
            }
            headers.add("dead-letter-reason", bytes(r.reason()));
            headers.add("dead-letter-topic", bytes(r.record().topic()));
            headers.add("dead-letter-partition", bytes(String.valueOf(r.record().partition())));
            headers.add("dead-letter-offset", bytes(String.valueOf(r.record().offset())));
            acks.add(CloudEventSender.sendAcknowledged(emitter, Message.of(r.record().value() == null ? ""
                    : r.record().value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(r.record().key()).withHeaders(headers).build())));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
