package fr.assurancemaladie.rgpd.retention.proof;

import fr.assurancemaladie.rgpd.events.DeletionConfirmation;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.support.messaging.ContractReader;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.ResilientConsumer;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
public class Confirmations implements ResilientConsumer.Handler<Confirmations.Confirmation> {

    private static final Logger LOG = Logger.getLogger(Confirmations.class);
    static final int MAX_RECORD_BYTES = 64 * 1024;

    @Inject
    MeterRegistry registry;

    @Inject
    ResilientConsumer consumer;

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
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        consumer.consume("deletion-confirmations", record, MAX_RECORD_BYTES, this);
    }

    @Override
    public Confirmation read(IncomingCloudEvent event) {
        String id = event.id();
        if (!EventTypes.DELETION_CONFIRMED.equals(event.type())) {
            throw new Rejected("Type attendu : " + EventTypes.DELETION_CONFIRMED + ", reçu « "
                    + Excerpt.of(event.type()) + " ».");
        }
        if (id.length() > 255) {
            throw new Rejected("L'attribut « id » ne doit pas dépasser 255 caractères.");
        }
        DeletionConfirmation data;
        try {
            data = ContractReader.read(event.dataObject(), DeletionConfirmation.class);
        } catch (InvalidRecord e) {
            throw new Rejected(e.getMessage());
        }
        String system = data.system() == null ? "" : data.system();
        if (system.isBlank() || system.length() > 255 || !TextHygiene.isCleanLine(system)) {
            throw new Rejected("« system » est requis (255 caractères au plus, sans caractère de contrôle).");
        }
        if (!SubjectRefs.isWellFormed(data.subjectRef())) {
            throw new Rejected("« subjectRef » doit être un pseudonyme de 64 caractères hexadécimaux minuscules.");
        }
        try {
            return new Confirmation(UUID.fromString(String.valueOf(data.scheduleId())), data.subjectRef(),
                    java.util.Objects.requireNonNull(data.confirmedAt()), system, id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Rejected("« scheduleId » (UUID) et « confirmedAt » (instant ISO-8601) sont requis.");
        }
    }

    @Override
    public void apply(Confirmation c) {
        if (QuarkusTransaction.requiringNew().call(() -> prove(c))) {
            registry.counter("retention.deletion.confirmations").increment();
        }
    }

    /** True when a proof was written, false when the schedule was already confirmed. */
    boolean prove(Confirmation c) {
        // first wait for a sweep that may be claiming this schedule right now (it locks the due entry, not the
        // schedule): the statements below then see what it committed
        Panache.getEntityManager().createNativeQuery("select schedule_id from schedule_due where schedule_id = :id "
                + "for update").setParameter("id", c.scheduleId()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select s.status, s.subject_ref, "
                + "u.schedule_id is not null from schedule s left join schedule_unconfirmed u on u.schedule_id = s.id "
                + "where s.id = :id for update of s").setParameter("id", c.scheduleId()).getResultList();
        if (rows.isEmpty()) {
            throw new Rejected("Aucune planification " + c.scheduleId() + " : cette confirmation ne répond à aucun ordre.");
        }
        String status = (String) rows.get(0)[0];
        if (!c.subjectRef().equals(rows.get(0)[1])) {
            throw new Rejected("Le « subjectRef » ne correspond pas à l'ordre de la planification " + c.scheduleId() + ".");
        }
        if ("CONFIRMED".equals(status)) {
            return false;
        }
        if (!Boolean.TRUE.equals(rows.get(0)[2])) {
            // Kafka took the order but the sweep could not record it (refused commit, lost connection): the data
            // are gone all the same, so the proof is kept; the confirmation time stands for the unknown order time.
            LOG.warnf("Schedule %s confirmed while %s and not ordered: its order was sent by a sweep that could not "
                    + "record it", c.scheduleId(), status);
        }
        // the order's time: that of the order waiting for this confirmation, else the confirmation's
        String orderedAt = "coalesce((select u.ordered_at from schedule_unconfirmed u where u.schedule_id = s.id), "
                + "s.ordered_at, :confirmedAt)";
        Panache.getEntityManager().createNativeQuery("""
                insert into deletion_proof (schedule_id, subject_ref, caisse_code, fiche_number, fiche_version,
                       rule_text, trigger, duration, fate, trigger_date, due_on, ordered_at, confirmed_at,
                       confirming_system, confirmation_event)
                select s.id, s.subject_ref, s.caisse_code, s.fiche_number, s.fiche_version, s.rule_text, s.trigger,
                       s.duration, s.fate, s.trigger_date, s.due_on,\s""" + orderedAt + """
                       , :confirmedAt, :system, :event
                  from schedule s where s.id = :id""")
                .setParameter("confirmedAt", c.confirmedAt())
                .setParameter("system", c.system())
                .setParameter("event", c.eventId())
                .setParameter("id", c.scheduleId())
                .executeUpdate();
        // out of the work tables (trigger of V6)
        Panache.getEntityManager().createNativeQuery("update schedule s set status = 'CONFIRMED', ordered_at = "
                + orderedAt + ", confirmed_at = :confirmedAt, cancel_reason = null, updated_at = now() where s.id = :id")
                .setParameter("confirmedAt", c.confirmedAt()).setParameter("id", c.scheduleId()).executeUpdate();
        return true;
    }

}
