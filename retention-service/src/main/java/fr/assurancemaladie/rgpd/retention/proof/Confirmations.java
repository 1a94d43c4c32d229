package fr.assurancemaladie.rgpd.retention.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.Headers;
import fr.assurancemaladie.rgpd.support.messaging.Retrying;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code retention.deletion-confirmations}: each confirmation of an order leaves a proof of deletion (schedule, rule,
 * dates, confirming system, subjectRef and nothing else about the person) and marks the schedule CONFIRMED. A second
 * confirmation of the same schedule changes nothing. A confirmation that quotes no schedule of ours, or another
 * person, is rejected to {@code retention.deletion-confirmations.dlq}.
 */
@ApplicationScoped
public class Confirmations {

    private static final Logger LOG = Logger.getLogger(Confirmations.class);

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private volatile boolean running = true;

    record Confirmation(UUID scheduleId, String subjectRef, Instant confirmedAt, String system, String eventId) {
    }

    /** The confirmation contradicts what we ordered: no retry can fix it. */
    static final class Rejected extends InvalidRecord {
        Rejected(String message) {
            super(message);
        }
    }

    @Incoming("deletion-confirmations")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        Confirmation c = parse(record);
        boolean recorded = Retrying.untilDone(() -> QuarkusTransaction.requiringNew().call(() -> prove(c)),
                () -> running, LOG, "Confirmation of schedule " + c.scheduleId());
        if (recorded) {
            registry.counter("retention.deletion.confirmations").increment();
        }
    }

    Confirmation parse(ConsumerRecord<String, String> record) {
        String type = Headers.text(record, "ce_type");
        String id = Headers.text(record, "ce_id");
        if (!EventTypes.DELETION_CONFIRMED.equals(type) || id == null || id.length() > 255
                || id.chars().anyMatch(Character::isISOControl)) {
            throw new Rejected("Expected a CloudEvent of type " + EventTypes.DELETION_CONFIRMED + ", got " + type);
        }
        JsonNode data;
        try {
            data = json.readTree(record.value() == null ? "" : record.value());
        } catch (Exception e) {
            throw new Rejected("Payload is not JSON");
        }
        if (data == null || !data.isObject()) {
            throw new Rejected("Payload is not a JSON object");
        }
        try {
            String system = data.path("system").asText("");
            if (system.isBlank() || system.length() > 255 || system.chars().anyMatch(Character::isISOControl)) {
                throw new Rejected("system is required (at most 255 characters)");
            }
            return new Confirmation(UUID.fromString(data.path("scheduleId").asText()),
                    data.path("subjectRef").asText(""), Instant.parse(data.path("confirmedAt").asText()), system, id);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw e instanceof Rejected r ? r : new Rejected("scheduleId (UUID) and confirmedAt (instant) are required");
        }
    }

    /** True when a proof was written, false when the schedule was already confirmed. */
    boolean prove(Confirmation c) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select status, subject_ref from schedule "
                + "where id = :id for update").setParameter("id", c.scheduleId()).getResultList();
        if (rows.isEmpty()) {
            throw new Rejected("No schedule " + c.scheduleId());
        }
        String status = (String) rows.get(0)[0];
        if (!c.subjectRef().equals(rows.get(0)[1])) {
            throw new Rejected("subjectRef does not match the order of schedule " + c.scheduleId());
        }
        if ("CONFIRMED".equals(status)) {
            return false;
        }
        if (!"ORDERED".equals(status)) {
            // Kafka took the order but the sweep could not record it (refused commit, lost connection): the data
            // are gone all the same, so the proof is kept; the confirmation time stands for the unknown order time.
            LOG.warnf("Schedule %s confirmed while %s: its order was sent by a sweep that could not record it",
                    c.scheduleId(), status);
            Panache.getEntityManager().createNativeQuery("update schedule set status = 'ORDERED', ordered_at = "
                    + "coalesce(ordered_at, :at), cancel_reason = null where id = :id")
                    .setParameter("at", c.confirmedAt()).setParameter("id", c.scheduleId()).executeUpdate();
        }
        Panache.getEntityManager().createNativeQuery("""
                insert into deletion_proof (schedule_id, subject_ref, caisse_code, fiche_number, fiche_version,
                       rule_text, trigger, duration, fate, trigger_date, due_on, ordered_at, confirmed_at,
                       confirming_system, confirmation_event)
                select id, subject_ref, caisse_code, fiche_number, fiche_version, rule_text, trigger, duration, fate,
                       trigger_date, due_on, ordered_at, :confirmedAt, :system, :event
                  from schedule where id = :id""")
                .setParameter("confirmedAt", c.confirmedAt())
                .setParameter("system", c.system())
                .setParameter("event", c.eventId())
                .setParameter("id", c.scheduleId())
                .executeUpdate();
        Panache.getEntityManager().createNativeQuery("update schedule set status = 'CONFIRMED', confirmed_at = "
                + ":confirmedAt, updated_at = now() where id = :id")
                .setParameter("confirmedAt", c.confirmedAt()).setParameter("id", c.scheduleId()).executeUpdate();
        return true;
    }

    void stopRetrying(@Observes ShutdownEvent event) {
        running = false;
    }
}
