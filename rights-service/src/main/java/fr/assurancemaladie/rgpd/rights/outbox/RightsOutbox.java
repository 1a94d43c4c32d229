package fr.assurancemaladie.rgpd.rights.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.RightsEventData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Transactional outbox of {@code rights.events}. {@link #append} writes an event in the caller's transaction (the
 * one that changes the request), so a submission never fails because Kafka is down and no change goes unreported.
 * The relay sends unsent events in id order — one relay at a time across replicas (advisory lock), stopping at the
 * first failure — so events of a person stay in order; each is marked sent once Kafka acknowledged it.
 */
@ApplicationScoped
public class RightsOutbox {

    private static final Logger LOG = Logger.getLogger(RightsOutbox.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    RightsEventSender sender;

    @ConfigProperty(name = "rgpd.rights.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "rgpd.rights.outbox.ack-timeout", defaultValue = "PT10S")
    Duration ackTimeout;

    private volatile boolean stopping;
    private final java.util.Map<UUID, CompletableFuture<Void>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set once the application (and its Kafka channels) has started: the scheduler may fire before. */
    private volatile boolean started;

    void onStarted(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 1000)
            io.quarkus.runtime.StartupEvent event) {
        started = true;
    }

    /** Writes an event in the current transaction; the key is the person's {@code subjectRef}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, RightsEventData data) {
        OutboxEvent e = new OutboxEvent();
        e.eventId = UUID.randomUUID();
        e.type = type;
        e.recordKey = data.subjectRef();
        try {
            e.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise a rights event", ex);
        }
        e.createdAt = Instant.now();
        e.persist();
    }

    @Scheduled(every = "${rgpd.rights.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        int sent;
        do {
            sent = stopping || !started ? 0 : QuarkusTransaction.requiringNew().call(this::sendBatch);
        } while (sent == batchSize);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    int sendBatch() {
        Boolean leader = (Boolean) OutboxEvent.getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(3, 0)").getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0; // another replica is relaying: order is kept by one relay at a time
        }
        List<OutboxEvent> unsent = OutboxEvent.<OutboxEvent>find("sentAt is null order by id").page(0, batchSize).list();
        // an event already handed to the producer is never sent again while its acknowledgement may still come
        // (Kafka down: the producer keeps it and delivers it when the broker is back) — that would publish it twice
        for (OutboxEvent e : unsent) {
            CompletableFuture<Void> pending = inFlight.get(e.eventId);
            if (pending == null || pending.isCompletedExceptionally()) {
                inFlight.put(e.eventId, sender.send(e));
            }
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        int sent = 0;
        for (OutboxEvent e : unsent) {
            try {
                inFlight.get(e.eventId).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.TimeoutException ex) {
                LOG.warnf("rights.events not acknowledging: %d event(s) wait in the outbox", unsent.size() - sent);
                break; // still in flight: waited for again in the next round, not resent
            } catch (Exception ex) {
                LOG.warnf("rights.events refused an event (%s): it is sent again in the next round",
                        ex.getCause() == null ? ex.getClass().getSimpleName() : ex.getCause().getClass().getSimpleName());
                break; // keep the order: nothing after a failed event is marked before it
            }
            inFlight.remove(e.eventId);
            e.sentAt = Instant.now();
            sent++;
        }
        return sent;
    }

    private CompletableFuture<Void> send(OutboxEvent e) {
        return sender.send(e);
    }
}
