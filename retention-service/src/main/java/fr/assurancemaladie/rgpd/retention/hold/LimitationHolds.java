package fr.assurancemaladie.rgpd.retention.hold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.Headers;
import fr.assurancemaladie.rgpd.support.messaging.Retrying;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
public class LimitationHolds {

    private static final Logger LOG = Logger.getLogger(LimitationHolds.class);

    @Inject
    ObjectMapper json;

    @Inject
    RetentionClock clock;

    private volatile boolean running = true;

    record Change(boolean applied, String requestId, String subjectRef, String caisse, Integer[] fiches,
            LocalDate on, String reason) {
    }

    @Incoming("rights-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        String type = Headers.text(record, "ce_type");
        if (!EventTypes.LIMITATION_APPLIED.equals(type) && !EventTypes.LIMITATION_LIFTED.equals(type)) {
            return;
        }
        Change change = parse(record, EventTypes.LIMITATION_APPLIED.equals(type));
        Retrying.untilDone(() -> {
            QuarkusTransaction.requiringNew().run(() -> apply(change));
            return null;
        }, () -> running, LOG, "Limitation of request " + change.requestId());
    }

    Change parse(ConsumerRecord<String, String> record, boolean applied) {
        JsonNode data;
        try {
            data = json.readTree(record.value() == null ? "" : record.value());
        } catch (Exception e) {
            throw new InvalidRecord("Payload is not JSON");
        }
        if (data == null || !data.isObject()) {
            throw new InvalidRecord("Payload is not a JSON object");
        }
        String requestId = data.path("requestId").asText("");
        String subject = data.path("subjectRef").asText(null);
        String caisse = data.path("caisseCode").asText("");
        if (requestId.isBlank() || requestId.length() > 255 || !SubjectRefs.isWellFormed(subject)
                || !caisse.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw new InvalidRecord("requestId, a well-formed subjectRef and caisseCode are required");
        }
        List<Integer> fiches = new ArrayList<>();
        for (JsonNode n : data.path("ficheNumbers")) {
            if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 9999) {
                throw new InvalidRecord("ficheNumbers must be fiche numbers");
            }
            fiches.add(n.asInt());
        }
        LocalDate on;
        try {
            on = data.hasNonNull("occurredAt")
                    ? Instant.parse(data.path("occurredAt").asText()).atZone(RetentionClock.PARIS).toLocalDate()
                    : clock.today();
        } catch (RuntimeException e) {
            throw new InvalidRecord("occurredAt must be an ISO-8601 instant");
        }
        String reason = data.path("reason").isTextual() ? data.path("reason").asText() : null;
        return new Change(applied, requestId, subject, caisse,
                fiches.isEmpty() ? null : fiches.stream().distinct().sorted().toArray(Integer[]::new), on, reason);
    }

    void apply(Change c) {
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

    void stopRetrying(@Observes ShutdownEvent event) {
        running = false;
    }
}
