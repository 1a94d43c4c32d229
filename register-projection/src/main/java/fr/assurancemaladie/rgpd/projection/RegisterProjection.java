package fr.assurancemaladie.rgpd.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.ResilientConsumer;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.JsonText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code fiche_projection} in step with {@code register.fiches}.
 *
 * <ul>
 * <li>Records are read by {@link ResilientConsumer}: CloudEvents in either content mode; a record that breaks the
 * contract (not a CloudEvent, unknown type, key and payload disagreeing, not JSON, a character the database would
 * refuse) goes to {@code register.fiches.dlq} with the reason, and consumption goes on.</li>
 * <li>A valid record is never dropped: if the database fails (restart, pool exhausted), it is retried with a capped
 * back-off until it is stored, holding the partition, so no fiche version is skipped.</li>
 * <li>Older versions never overwrite newer ones, so a replay or a redelivery changes nothing.</li>
 * </ul>
 * Each change fires a {@link FicheProjected} CDI event inside the transaction. The channel {@code register-fiches}
 * is configured by each service that uses this module.
 */
@ApplicationScoped
public class RegisterProjection implements ResilientConsumer.Handler<RegisterProjection.Change> {

    private static final Logger LOG = Logger.getLogger(RegisterProjection.class);

    /** A fiche is a few tens of kilobytes; a record above this is refused, never parsed. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;

    @Inject
    ObjectMapper json;

    @Inject
    Event<FicheProjected> projected;

    @Inject
    ResilientConsumer consumer;

    @Inject
    FicheContract contract;

    @Inject
    ProjectionConfig config;

    /** A record understood: what the projection must become. */
    record Change(int number, int version, boolean withdrawn, FichePublished fiche, String payload, String eventId) {
    }

    @Incoming("register-fiches")
    @Blocking
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        consumer.consume("register-fiches", record, MAX_RECORD_BYTES, this);
    }

    @Override
    public Change read(IncomingCloudEvent event) {
        String type = event.type();
        String id = event.id();
        if (id.length() > 128) {
            throw new InvalidRecord("L'attribut « id » ne doit pas dépasser 128 caractères.");
        }
        int number = fiche(event.key());
        if (EventTypes.FICHE_WITHDRAWN.equals(type)) {
            return new Change(number, 0, true, null, null, id);
        }
        if (!EventTypes.FICHE_PUBLISHED.equals(type)) {
            throw new InvalidRecord("Type d'événement inconnu sur register.fiches : « " + Excerpt.of(type) + " ».");
        }
        JsonNode fiche = event.dataObject();
        String dirty = JsonText.firstDirtyPath(fiche);
        if (dirty != null) {
            throw new InvalidRecord("La fiche contient un caractère de contrôle refusé en " + dirty + ".");
        }
        if (!fiche.path("number").isIntegralNumber() || fiche.path("number").asInt(-1) != number
                || !fiche.path("version").isIntegralNumber() || !fiche.path("version").canConvertToInt()
                || fiche.path("version").asInt() < 1) {
            throw new InvalidRecord("La fiche doit porter « number » égal à la clé et une « version » entière >= 1.");
        }
        FichePublished published = contract.read(fiche);
        String payload;
        try {
            payload = json.writeValueAsString(fiche);
        } catch (JsonProcessingException e) {
            throw new InvalidRecord("La fiche ne peut pas être réécrite en JSON.");
        }
        return new Change(number, published.version(), false, published, payload, id);
    }

    @Override
    public void apply(Change change) {
        // reacting to a new rule may rewrite many rows (retention-service): a longer bound than the default
        QuarkusTransaction.requiringNew().timeout(config.transactionTimeout()).run(() -> project(change));
    }

    private static int fiche(String key) {
        try {
            int number = Integer.parseInt(key);
            if (number >= 1 && number <= 9999) {
                return number;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidRecord("La clé de l'enregistrement doit être un numéro de fiche (1 à 9999).");
    }

    void project(Change change) {
        ProjectedFiche current = ProjectedFiche.findById(change.number());
        if (change.withdrawn()) {
            if (current != null) {
                current.status = ProjectedFiche.Status.WITHDRAWN;
                current.eventId = change.eventId();
                current.receivedAt = Instant.now();
                projected.fire(new FicheProjected(current.number, current.version, current.status, null));
            }
            return;
        }
        if (current != null && (current.version > change.version()
                || current.version == change.version() && current.status == ProjectedFiche.Status.PUBLISHED)) {
            LOG.debugf("Fiche %d version %d ignored: version %d already projected", change.number(),
                    change.version(), current.version);
            return;
        }
        if (current == null) {
            current = new ProjectedFiche();
            current.number = change.number();
        }
        current.version = change.version();
        current.status = ProjectedFiche.Status.PUBLISHED;
        current.title = change.fiche().title();
        current.payload = change.payload();
        current.eventId = change.eventId();
        current.receivedAt = Instant.now();
        current.persist();
        projected.fire(new FicheProjected(current.number, current.version, current.status, change.fiche()));
    }

}
