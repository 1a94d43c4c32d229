package fr.assurancemaladie.rgpd.rights.outbox;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Sends one outbox event to {@code rights.events}: binary CloudEvent, key = subjectRef, id = the event's id. */
@ApplicationScoped
public class RightsEventSender {

    static final URI SOURCE = URI.create(EventTypes.SOURCE_PREFIX + "rights-service");

    @Inject
    @Channel("rights-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    /** Completes when Kafka acknowledged the record. */
    public CompletableFuture<Void> send(OutboxEvent e) {
        return CloudEventSender.send(emitter, e.recordKey, e.eventId.toString(), e.type, SOURCE,
                e.createdAt.atZone(ZoneOffset.UTC), e.payload);
    }
}
