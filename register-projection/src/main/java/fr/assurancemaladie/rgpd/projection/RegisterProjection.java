package fr.assurancemaladie.rgpd.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.support.messaging.Headers;
import fr.assurancemaladie.rgpd.support.messaging.Retrying;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code fiche_projection} in step with {@code register.fiches}.
 *
 * <ul>
 * <li>A record that breaks the contract (no CloudEvent headers, unknown type, key and payload disagreeing, not JSON)
 * is rejected: the failure strategy sends it to {@code register.fiches.dlq} with the reason, and consumption goes
 * on.</li>
 * <li>A valid record is never dropped: if the database fails (restart, pool exhausted), it is retried with a capped
 * back-off until it is stored, holding the partition, so no fiche version is skipped.</li>
 * <li>Older versions never overwrite newer ones, so a replay or a redelivery changes nothing.</li>
 * </ul>
 * Each change fires a {@link FicheProjected} CDI event inside the transaction. The channel {@code register-fiches}
 * is configured by each service that uses this module.
 */
@ApplicationScoped
public class RegisterProjection {

    private static final Logger LOG = Logger.getLogger(RegisterProjection.class);

    @Inject
    ObjectMapper json;

    @Inject
    Event<FicheProjected> projected;

    private volatile boolean running = true;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "rgpd.projection.transaction-timeout",
            defaultValue = "900")
    int transactionTimeoutSeconds;

    /** A record understood: what the projection must become. */
    record Change(int number, int version, boolean withdrawn, String title, String payload, String eventId) {
    }

    /** The record breaks the contract of register.fiches: retrying cannot help. */
    static final class InvalidRecordException extends fr.assurancemaladie.rgpd.support.messaging.InvalidRecord {
        InvalidRecordException(String message) {
            super(message);
        }
    }

    @Incoming("register-fiches")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        Change change = parse(record);
        Retrying.untilDone(() -> {
            // reacting to a new rule may rewrite many rows (retention-service): a longer bound than the default
            QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).run(() -> apply(change));
            return null;
        }, () -> running, LOG, "Fiche " + change.number() + " version " + change.version());
    }

    Change parse(ConsumerRecord<String, String> record) {
        String type = Headers.text(record, "ce_type");
        String id = Headers.text(record, "ce_id");
        if (id == null || type == null) {
            throw new InvalidRecordException("Not a CloudEvent: ce_id and ce_type headers are required");
        }
        if (id.length() > 128 || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRecordException("ce_id must be at most 128 characters, without control characters");
        }
        int number = fiche(record.key());
        if (EventTypes.FICHE_WITHDRAWN.equals(type)) {
            return new Change(number, 0, true, null, null, id);
        }
        if (!EventTypes.FICHE_PUBLISHED.equals(type)) {
            throw new InvalidRecordException("Unknown event type " + type);
        }
        JsonNode fiche;
        try {
            fiche = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("Payload is not JSON");
        }
        if (record.value().contains("\\u0000")) {
            throw new InvalidRecordException("Payload contains a NUL character, which PostgreSQL's jsonb refuses");
        }
        if (fiche == null || !fiche.isObject() || fiche.path("number").asInt(-1) != number
                || !fiche.path("version").canConvertToInt() || fiche.path("version").asInt() < 1) {
            throw new InvalidRecordException("Fiche payload must carry number = key and a version >= 1");
        }
        String title = fiche.path("title").isTextual() ? fiche.path("title").asText() : null;
        return new Change(number, fiche.path("version").asInt(), false, title, record.value(), id);
    }

    private static int fiche(String key) {
        try {
            int number = Integer.parseInt(key);
            if (number >= 1 && number <= 9999) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidRecordException("Record key must be a fiche number (1-9999)");
    }

    void apply(Change change) {
        ProjectedFiche current = ProjectedFiche.findById(change.number());
        if (change.withdrawn()) {
            if (current != null) {
                current.status = ProjectedFiche.Status.WITHDRAWN;
                current.eventId = change.eventId();
                current.receivedAt = Instant.now();
                projected.fire(new FicheProjected(current.number, current.version, current.status));
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
        current.title = change.title();
        current.payload = change.payload();
        current.eventId = change.eventId();
        current.receivedAt = Instant.now();
        current.persist();
        projected.fire(new FicheProjected(current.number, current.version, current.status));
    }

    void stopRetrying(@Observes ShutdownEvent event) {
        running = false;
    }
}
