package fr.assurancemaladie.rgpd.retention.hold;

import com.fasterxml.jackson.databind.JsonNode;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.ResilientConsumer;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Limitation of processing (GDPR art. 18) from {@code rights.events}: {@code …rights.limitation.applied} holds the
 * person's deletions (the request's fiches, or all) until {@code …rights.limitation.lifted}. One hold per request, so
 * a redelivered "applied" never reopens a lifted hold. Other rights events are not this service's business and are
 * acknowledged; a limitation event that breaks the contract goes to {@code rights.events.dlq}.
 */
@ApplicationScoped
public class LimitationHolds implements ResilientConsumer.Handler<LimitationHolds.Change> {

    private static final Logger LOG = Logger.getLogger(LimitationHolds.class);
    static final int MAX_RECORD_BYTES = 64 * 1024;

    @Inject
    RetentionClock clock;

    @Inject
    ResilientConsumer consumer;

    record Change(boolean applied, String requestId, String subjectRef, String caisse, Integer[] fiches,
            LocalDate on, String reason) {
    }

    @Incoming("rights-events")
    @Blocking
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        consumer.consume("rights-events", record, MAX_RECORD_BYTES, this);
    }

    @Override
    public Change read(IncomingCloudEvent event) {
        boolean applied = EventTypes.LIMITATION_APPLIED.equals(event.type());
        if (!applied && !EventTypes.LIMITATION_LIFTED.equals(event.type())) {
            return null;
        }
        JsonNode data = event.dataObject();
        String requestId = data.path("requestId").isTextual() ? data.path("requestId").asText() : "";
        String subject = data.path("subjectRef").isTextual() ? data.path("subjectRef").asText() : null;
        String caisse = data.path("caisseCode").isTextual() ? data.path("caisseCode").asText() : "";
        if (requestId.isBlank() || requestId.length() > 255 || !TextHygiene.isCleanLine(requestId)
                || !SubjectRefs.isWellFormed(subject) || !caisse.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw new InvalidRecord("« requestId », un « subjectRef » bien formé et « caisseCode » sont requis.");
        }
        List<Integer> fiches = new ArrayList<>();
        JsonNode numbers = data.path("ficheNumbers");
        if (!numbers.isMissingNode() && !numbers.isNull() && !numbers.isArray()) {
            throw new InvalidRecord("« ficheNumbers » doit être une liste de numéros de fiche.");
        }
        for (JsonNode n : numbers) {
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 9999) {
                throw new InvalidRecord("« ficheNumbers » doit être une liste de numéros de fiche.");
            }
            fiches.add(n.asInt());
        }
        LocalDate on;
        try {
            on = data.hasNonNull("occurredAt")
                    ? Instant.parse(data.path("occurredAt").asText()).atZone(RetentionClock.PARIS).toLocalDate()
                    : clock.today();
        } catch (RuntimeException e) {
            throw new InvalidRecord("« occurredAt » doit être un instant ISO-8601.");
        }
        String reason = data.path("reason").isTextual() ? data.path("reason").asText() : null;
        if (reason != null && (reason.length() > 2000 || !TextHygiene.isCleanText(reason))) {
            throw new InvalidRecord("« reason » : 2 000 caractères au plus, sans caractère de contrôle.");
        }
        return new Change(applied, requestId, subject, caisse,
                fiches.isEmpty() ? null : fiches.stream().distinct().sorted().toArray(Integer[]::new), on, reason);
    }

    @Override
    public void apply(Change c) {
        QuarkusTransaction.requiringNew().run(() -> hold(c));
    }

    void hold(Change c) {
        if (c.applied()) {
            var insert = Panache.getEntityManager().createNativeQuery("insert into hold (kind, subject_ref, "
                    + "fiche_numbers, caisse_code, source_ref, reason, from_on, created_by) values ('LIMITATION', "
                    + ":subject, " + (c.fiches() == null ? "null" : "cast(:fiches as integer[])")
                    + ", :caisse, :request, :reason, :on, 'rights-service') on conflict do nothing");
            if (c.fiches() != null) {
                insert.setParameter("fiches", NativeRows.integerArray(java.util.Arrays.asList(c.fiches())));
            }
            insert.setParameter("subject", c.subjectRef())
                    .setParameter("caisse", c.caisse())
                    .setParameter("request", c.requestId())
                    .setParameter("reason", "Limitation du traitement (art. 18 RGPD), demande " + c.requestId())
                    .setParameter("on", c.on())
                    .executeUpdate();
        } else {
            int n = Panache.getEntityManager().createNativeQuery("update hold set released_at = now(), "
                    + "released_by = 'rights-service', release_reason = :reason, until_on = greatest(from_on, :on) "
                    + "where kind = 'LIMITATION' and source_ref = :request and released_at is null")
                    .setParameter("reason", c.reason() == null || c.reason().isBlank()
                            ? "Limitation levée après information de la personne (art. 18(3) RGPD)" : c.reason())
                    .setParameter("on", c.on())
                    .setParameter("request", c.requestId())
                    .executeUpdate();
            if (n == 0) {
                LOG.infof("Limitation of request %s lifted: no active hold (already lifted)", c.requestId());
            }
        }
    }

}
