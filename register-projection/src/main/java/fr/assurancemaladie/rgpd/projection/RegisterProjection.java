package fr.assurancemaladie.rgpd.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code fiche_projection} in step with {@code register.fiches}. A record that cannot be understood goes to
 * {@code register.fiches.dlq} (failure strategy) and consumption goes on. Older versions never overwrite newer ones,
 * so a replay or a redelivery changes nothing. Each change fires a {@link FicheProjected} CDI event. The channel
 * {@code register-fiches} is configured by each service that uses this module.
 */
@ApplicationScoped
public class RegisterProjection {

    private static final Logger LOG = Logger.getLogger(RegisterProjection.class);

    @Inject
    ObjectMapper json;

    @Inject
    Event<FicheProjected> projected;

    @Incoming("register-fiches")
    @Blocking
    @Transactional
    public void onRecord(ConsumerRecord<String, String> record) throws Exception {
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (id == null || type == null) {
            throw new IllegalArgumentException("Not a CloudEvent: ce_id and ce_type headers are required");
        }
        int number = Integer.parseInt(record.key());
        if (EventTypes.FICHE_WITHDRAWN.equals(type)) {
            ProjectedFiche fiche = ProjectedFiche.findById(number);
            if (fiche != null) {
                fiche.status = ProjectedFiche.Status.WITHDRAWN;
                fiche.eventId = id;
                fiche.receivedAt = Instant.now();
                projected.fire(new FicheProjected(number, fiche.version, fiche.status));
            }
            return;
        }
        if (!EventTypes.FICHE_PUBLISHED.equals(type)) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        JsonNode fiche = json.readTree(record.value());
        if (fiche == null || fiche.path("number").asInt(-1) != number || !fiche.path("version").canConvertToInt()
                || fiche.path("version").asInt() < 1) {
            throw new IllegalArgumentException("Fiche payload must carry number = key and a version >= 1");
        }
        int version = fiche.path("version").asInt();
        ProjectedFiche current = ProjectedFiche.findById(number);
        if (current != null && current.version > version) {
            LOG.debugf("Fiche %d version %d ignored: version %d already projected", number, version, current.version);
            return;
        }
        if (current == null) {
            current = new ProjectedFiche();
            current.number = number;
        }
        current.version = version;
        current.status = ProjectedFiche.Status.PUBLISHED;
        current.title = fiche.path("title").isTextual() ? fiche.path("title").asText() : null;
        current.payload = record.value();
        current.eventId = id;
        current.receivedAt = Instant.now();
        current.persist();
        projected.fire(new FicheProjected(number, version, current.status));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
