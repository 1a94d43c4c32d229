package fr.assurancemaladie.rgpd.retention.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.DeletionOrder;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends one {@code …retention.deletion.ordered} CloudEvent to {@code retention.deletion-orders}: key = subjectRef,
 * CloudEvent id = the schedule id, so a system that receives an order twice (a sweep that failed after Kafka took
 * it) sees the same id and carries it out once.
 */
@ApplicationScoped
public class DeletionOrderSender {

    static final URI SOURCE = URI.create(EventTypes.SOURCE_PREFIX + "retention-service");

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("deletion-orders")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<String> emitter;

    public CompletableFuture<Void> send(DeletionOrder order) {
        try {
            return CloudEventSender.send(emitter, order.subjectRef(), order.scheduleId(), EventTypes.DELETION_ORDERED,
                    SOURCE, order.orderedAt().atZone(ZoneOffset.UTC), json.writeValueAsString(order));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
