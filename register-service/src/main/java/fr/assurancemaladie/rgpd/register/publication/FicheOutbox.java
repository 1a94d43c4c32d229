package fr.assurancemaladie.rgpd.register.publication;

import fr.assurancemaladie.rgpd.register.fiche.FicheCodec;
import fr.assurancemaladie.rgpd.register.fiche.FicheService;
import fr.assurancemaladie.rgpd.register.fiche.FicheVersion;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Transactional outbox of {@code register.fiches}: a published version is written with {@code event_sent_at}
 * null, in the same transaction as the publication; this relay sends such versions and marks them once Kafka has
 * acknowledged them. A restart sends only what was never acknowledged, so nothing unchanged is published twice;
 * replicas claim rows with {@code FOR UPDATE SKIP LOCKED}. At-least-once: consumers ignore versions they have.
 */
@ApplicationScoped
public class FicheOutbox {

    private static final Logger LOG = Logger.getLogger(FicheOutbox.class);

    @Inject
    FichePublisher publisher;

    @Inject
    FicheService fiches;

    @Inject
    FicheCodec codec;

    @ConfigProperty(name = "rgpd.register.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "rgpd.register.outbox.ack-timeout", defaultValue = "PT10S")
    Duration ackTimeout;

    @Scheduled(every = "${rgpd.register.outbox.interval:1s}", delayed = "${rgpd.register.outbox.delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (stopping || !started) {
            return;
        }
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::sendBatch);
        } while (sent == batchSize && !stopping);
    }

    private volatile boolean stopping;
    /** Set once the application (and its Kafka channels) has started: the scheduler may fire before. */
    private volatile boolean started;

    void onStarted(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 1000)
            io.quarkus.runtime.StartupEvent event) {
        started = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Sends up to one batch of unsent published versions; returns how many Kafka acknowledged. */
    int sendBatch() {
        @SuppressWarnings("unchecked")
        List<FicheVersion> unsent = FicheVersion.getEntityManager().createNativeQuery("""
                select * from fiche_version
                where status = 'PUBLISHED' and event_sent_at is null
                order by number limit :batch
                for update skip locked""", FicheVersion.class).setParameter("batch", batchSize).getResultList();
        // send the whole batch, then wait for the acknowledgements: one round trip, and a short window between
        // Kafka's ack and the commit that records it (the only place a record could be sent twice)
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (FicheVersion v : unsent) {
            acks.add(publisher.published(v.number, codec.toJson(fiches.view(v))).toCompletableFuture());
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        int sent = 0;
        int failed = 0;
        String failure = null;
        for (int i = 0; i < unsent.size(); i++) {
            FicheVersion v = unsent.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                v.eventSentAt = Instant.now();
                sent++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failed++;
                failure = e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName();
            }
        }
        if (failed > 0) {
            // one line per round, not one per fiche: a broker outage must not flood the log
            LOG.warnf("%d fiche version(s) not acknowledged by Kafka on register.fiches (%s): retried in the next round",
                    failed, failure);
        } else if (sent > 0) {
            LOG.infof("%d fiche version(s) published on register.fiches", sent);
        }
        return sent;
    }
}
