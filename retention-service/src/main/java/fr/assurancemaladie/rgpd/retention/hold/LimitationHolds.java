package fr.assurancemaladie.rgpd.retention.hold;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.RightsEventData;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.messaging.ContractReader;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.ResilientConsumer;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
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

    @Inject
    AgroalDataSource dataSource;

    record Change(boolean applied, String requestId, String subjectRef, String caisse, List<Integer> fiches,
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
        RightsEventData data = ContractReader.read(event.dataObject(), RightsEventData.class);
        String requestId = data.requestId() == null ? "" : data.requestId();
        String caisse = data.caisseCode() == null ? "" : data.caisseCode();
        if (requestId.isBlank() || requestId.length() > 255 || !TextHygiene.isCleanLine(requestId)
                || !SubjectRefs.isWellFormed(data.subjectRef()) || !caisse.matches("[A-Z0-9][A-Z0-9-]{1,31}")) {
            throw new InvalidRecord("« requestId », un « subjectRef » bien formé et « caisseCode » sont requis.");
        }
        if (data.ficheNumbers().stream().anyMatch(n -> n == null || n < 1 || n > 9999)) {
            throw new InvalidRecord("« ficheNumbers » doit être une liste de numéros de fiche.");
        }
        LocalDate on = data.occurredAt() == null ? clock.today()
                : data.occurredAt().atZone(RetentionClock.PARIS).toLocalDate();
        String reason = data.reason();
        if (reason != null && (reason.length() > 2000 || !TextHygiene.isCleanText(reason))) {
            throw new InvalidRecord("« reason » : 2 000 caractères au plus, sans caractère de contrôle.");
        }
        return new Change(applied, requestId, data.subjectRef(), caisse, data.ficheNumbers(), on, reason);
    }

    @Override
    public void apply(Change c) {
        QuarkusTransaction.requiringNew().run(() -> hold(c));
    }

    void hold(Change c) {
        try (Connection connection = dataSource.getConnection()) {
            if (c.applied()) {
                HoldStore.put(connection, new HoldStore.NewHold(null, HoldKind.LIMITATION, c.subjectRef(), c.fiches(),
                        c.caisse(), c.requestId(), "Limitation du traitement (art. 18 RGPD), demande " + c.requestId(),
                        c.on(), "rights-service"), null);
            } else if (HoldStore.releaseFrom(connection, HoldKind.LIMITATION, null, c.requestId(),
                    new HoldStore.Release(c.on(), "rights-service", c.reason() == null || c.reason().isBlank()
                            ? "Limitation levée après information de la personne (art. 18(3) RGPD)" : c.reason())) == 0) {
                LOG.infof("Limitation of request %s lifted: no active hold (already lifted)", c.requestId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Hold of request " + c.requestId() + " not written", e);
        }
    }
}
