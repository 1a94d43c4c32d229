package fr.assurancemaladie.rgpd.register.publication;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

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
        return CloudEventSender.send(emitter, String.valueOf(number), UUID.randomUUID().toString(),
                EventTypes.FICHE_PUBLISHED, SOURCE, ZonedDateTime.now(), ficheJson);
    }
}
