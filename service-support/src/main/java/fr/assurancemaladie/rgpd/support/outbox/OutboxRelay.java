package fr.assurancemaladie.rgpd.support.outbox;

import fr.assurancemaladie.rgpd.support.persistence.AdvisoryLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The relay of a transactional outbox, the one the platform's producers share (register.fiches, rights.events). A
 * change and its event are written in one transaction; this relay sends the events and marks each one sent once Kafka
 * acknowledged it.
 * <ul>
 * <li><b>One replica relays</b>: the one holding a session advisory lock ({@link AdvisoryLock}) on a connection it
 * keeps while it lives; another replica takes over when that connection is gone. Two producers never hold the same
 * events, and the order of the outbox is the order on the topic.</li>
 * <li><b>Rounds</b>: in a transaction, up to a batch of unsent events, oldest first, are handed to the producer
 * together, then their acknowledgements are awaited; they are marked in order, stopping at the first one refused or
 * late (nothing after it is marked before it).</li>
 * <li><b>Never twice while in flight</b>: an event handed to the producer is not handed again while its
 * acknowledgement may still come (Kafka down: the producer keeps it and delivers it when the broker is back). It is
 * sent again only after a refusal, or by a new replica after a crash: at-least-once, and consumers ignore what they
 * already have.</li>
 * </ul>
 *
 * @param <E> an outbox entry, as the service stores it
 */
public final class OutboxRelay<E> {

    /** What a service's outbox table offers the relay; every method runs in the relay's transaction. */
    public interface Outbox<E> {

        /** Up to {@code limit} unsent entries, oldest first. */
        List<E> unsent(int limit);

        /** An identity of the entry that stays the same across rounds. */
        Object id(E entry);

        /** Hands the entry to the producer; completes when Kafka acknowledged it. */
        CompletableFuture<Void> send(E entry);

        /** Records that Kafka acknowledged the entry. */
        void sent(E entry, Instant at);
    }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final String topic;
    private final DataSource dataSource;
    private final AdvisoryLock lock;
    private final Outbox<E> outbox;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Map<Object, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** The connection that holds the relay's session lock (null: not the relay). */
    private Connection leadership;
    private volatile boolean running;

    public OutboxRelay(String topic, DataSource dataSource, AdvisoryLock lock, Outbox<E> outbox, int batchSize,
            Duration ackTimeout) {
        this.topic = topic;
        this.dataSource = dataSource;
        this.lock = lock;
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
    }

    /** Once the application (and its Kafka channels) has started: a scheduler may fire before. */
    public void start() {
        running = true;
    }

    /** At shutdown: no new round, and the lock goes to another replica. */
    public void stop() {
        running = false;
        release();
    }

    /** Sends everything unsent, batch after batch, if this replica is the relay. */
    public void relay() {
        if (!running || !leader()) {
            return;
        }
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::round);
        } while (sent == batchSize && running);
    }

    /** One batch, in the caller's transaction; how many entries were marked sent. */
    int round() {
        List<E> unsent = outbox.unsent(batchSize);
        for (E e : unsent) {
            CompletableFuture<Void> pending = inFlight.get(outbox.id(e));
            if (pending == null || pending.isCompletedExceptionally()) {
                inFlight.put(outbox.id(e), outbox.send(e));
            }
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        int sent = 0;
        for (E e : unsent) {
            try {
                inFlight.get(outbox.id(e)).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (TimeoutException ex) {
                // one line per round, not one per event: a broker outage must not flood the log
                LOG.warnf("%s not acknowledging: %d event(s) wait in the outbox", topic, unsent.size() - sent);
                break; // still in flight: waited for again in the next round, not resent
            } catch (ExecutionException | RuntimeException ex) {
                Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                LOG.warnf("%s refused an event (%s): it is sent again in the next round", topic,
                        cause.getClass().getSimpleName());
                break;
            }
            inFlight.remove(outbox.id(e));
            outbox.sent(e, Instant.now());
            sent++;
        }
        if (sent > 0) {
            LOG.debugf("%d event(s) relayed to %s", sent, topic);
        }
        return sent;
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
            Connection c = dataSource.getConnection();
            boolean acquired;
            try (PreparedStatement st = c.prepareStatement("select " + lock.trySession("0"));
                    ResultSet rs = st.executeQuery()) {
                acquired = rs.next() && rs.getBoolean(1);
            }
            if (acquired) {
                leadership = c;
                LOG.infof("This replica relays %s", topic);
                return true;
            }
            c.close();
            return false;
        } catch (SQLException e) {
            LOG.warnf("Relay lock of %s not checked (%s): not relaying this round", topic, e.getClass().getSimpleName());
            return false;
        }
    }

    private synchronized void release() {
        if (leadership == null) {
            return;
        }
        try (PreparedStatement st = leadership.prepareStatement("select pg_advisory_unlock_all()")) {
            st.execute();
        } catch (SQLException ignored) {
            // the connection is gone, and the lock with it
        }
        try {
            leadership.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
        leadership = null;
    }
}
