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
 * The relay sends unsent events in id order, stopping at the first failure, and marks each one sent once Kafka
 * acknowledged it. One replica relays: the one holding a session-level advisory lock on a connection it keeps for
 * as long as it lives (another replica takes over only when that connection is gone, so two producers never hold
 * the same events). Events of one person are numbered in commit order (a per-person lock in {@link #append}).
 */
@ApplicationScoped
public class RightsOutbox {

    private static final Logger LOG = Logger.getLogger(RightsOutbox.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    RightsEventSender sender;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** The connection that holds the relay's session lock (null: not the relay). */
    private java.sql.Connection leadership;

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
        // events of one person are numbered in commit order: concurrent transactions for the same person wait here
        OutboxEvent.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(4, hashtext(:key))")
                .setParameter("key", data.subjectRef()).getSingleResult();
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
        if (stopping || !started || !leader()) {
            return;
        }
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::sendBatch);
        } while (sent == batchSize && !stopping);
    }

    /** True while this replica holds the relay lock (taken on a dedicated connection, kept until it dies). */
    synchronized boolean leader() {
        try {
            if (leadership != null && leadership.isValid(2)) {
                return true;
            }
            if (leadership != null) {
                release();
            }
            java.sql.Connection c = dataSource.getConnection();
            boolean acquired;
            try (var st = c.prepareStatement("select pg_try_advisory_lock(3, 0)"); var rs = st.executeQuery()) {
                acquired = rs.next() && rs.getBoolean(1);
            }
            if (acquired) {
                leadership = c;
                LOG.info("This replica relays rights.events");
                return true;
            }
            c.close();
            return false;
        } catch (java.sql.SQLException e) {
            LOG.warnf("Relay lock not checked (%s): not relaying this round", e.getClass().getSimpleName());
            return false;
        }
    }

    private synchronized void release() {
        if (leadership == null) {
            return;
        }
        try (var st = leadership.prepareStatement("select pg_advisory_unlock_all()")) {
            st.execute();
        } catch (java.sql.SQLException ignored) {
            // the connection is gone, and the lock with it
        }
        try {
            leadership.close();
        } catch (java.sql.SQLException ignored) {
            // nothing more to release
        }
        leadership = null;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        release();
    }

    int sendBatch() {
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
