package fr.assurancemaladie.rgpd.retention.sweep;

import fr.assurancemaladie.rgpd.events.DeletionOrder;
import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Orders every due and unheld deletion, exactly once per schedule, however many replicas sweep at the same time.
 *
 * <p>Work is claimed in the database, a chunk at a time: due schedules, oldest first, locked {@code FOR UPDATE SKIP
 * LOCKED} (another replica's chunk is skipped, not waited for), and orderable by the law's SQL form ({@link
 * RetentionSql#orderable}: due, litigation clause counted, no hold covering it today). The chunk's orders are sent and acknowledged by Kafka, then marked ORDERED
 * in the same transaction that held the locks. A replica that dies in between releases its locks without marking:
 * the next sweep sends those orders again with the same CloudEvent id (at-least-once on the wire, once in the
 * database).
 */
@ApplicationScoped
public class Sweep {

    private static final Logger LOG = Logger.getLogger(Sweep.class);

    /** What one sweep did. */
    public record Result(LocalDate asOf, int ordered, int skipped, int chunks, long millis) {
    }

    private record Claimed(UUID id, String subjectRef, int fiche, String ruleText, String trigger,
            LocalDate triggerDate, LocalDate due, String fate) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeletionOrderSender sender;

    @Inject
    MeterRegistry registry;

    @Inject
    RetentionConfig config;

    /** Schedules claimed per transaction, chunks swept in parallel ({@code rgpd.retention.sweep.*}). */
    int chunkSize;
    int workers;

    private final ReentrantLock running = new ReentrantLock();
    private Counter orders;

    @PostConstruct
    void init() {
        chunkSize = config.sweep().chunkSize();
        workers = config.sweep().workers();
        meters();
    }

    void meters() {
        orders = registry.counter("retention.deletion.orders");
    }

    /**
     * Sweeps as of {@code today}; empty result when a sweep is already running in this process. Several workers
     * claim chunks side by side, exactly as several replicas do: while one waits for Kafka or marks its chunk, the
     * next chunk is already being claimed and sent.
     */
    public java.util.Optional<Result> sweep(LocalDate today) {
        if (!running.tryLock()) {
            return java.util.Optional.empty();
        }
        long start = System.nanoTime();
        List<CompletableFuture<int[]>> runs = new ArrayList<>();
        try {
            for (int w = 1; w < workers; w++) {
                runs.add(CompletableFuture.supplyAsync(() -> work(today), pool()));
            }
            int[] total = work(today);
            for (CompletableFuture<int[]> run : runs) {
                int[] r = run.join();
                for (int i = 0; i < total.length; i++) {
                    total[i] += r[i];
                }
            }
            Result result = new Result(today, total[0], total[1], total[2], (System.nanoTime() - start) / 1_000_000);
            if (result.ordered() > 0 || result.skipped() > 0) {
                LOG.infof("Sweep as of %s: %d deletions ordered, %d held back, %d ms", today, result.ordered(),
                        result.skipped(), result.millis());
            }
            return java.util.Optional.of(result);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            // a failed worker ends the sweep, but not before the others have finished their chunk
            for (CompletableFuture<int[]> run : runs) {
                try {
                    run.join();
                } catch (RuntimeException ignored) {
                    // reported by the worker that failed first
                }
            }
            running.unlock();
        }
    }

    /** One worker: chunk after chunk until nothing is left to claim. Returns {ordered, skipped, chunks}. */
    private int[] work(LocalDate today) {
        int[] counts = new int[3];
        LocalDate afterDue = LocalDate.of(1, 1, 1);
        UUID afterId = new UUID(0, 0);
        while (true) {
            ChunkResult r = chunk(today, afterDue, afterId);
            if (r.claimed == 0) {
                return counts;
            }
            counts[0] += r.ordered;
            counts[1] += r.claimed - r.ordered;
            counts[2]++;
            afterDue = r.lastDue;
            afterId = r.lastId;
        }
    }

    private java.util.concurrent.ExecutorService pool;

    private synchronized java.util.concurrent.ExecutorService pool() {
        if (pool == null) {
            pool = java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "retention-sweep");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    private record ChunkResult(int claimed, int ordered, LocalDate lastDue, UUID lastId) {
    }

    /** What a chunk's transaction did: claimed, sent, and marked once Kafka acknowledged. */
    private record Marked(int claimed, int sent, int marked, LocalDate lastDue, UUID lastId) {
    }

    /**
     * One chunk, in its own transaction: claim, send, wait for Kafka (up to {@link #ACK_WAIT}), mark what Kafka
     * acknowledged. The transaction commits the marks even when some orders were not acknowledged; those are sent
     * again (same CloudEvent id) by the next sweep, and this sweep stops.
     */
    private ChunkResult chunk(LocalDate today, LocalDate afterDue, UUID afterId) {
        Marked m = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                .call(() -> claimSendMark(today, afterDue, afterId));
        orders.increment(m.marked());
        if (m.marked() < m.sent()) {
            throw new IllegalStateException((m.sent() - m.marked()) + " deletion orders not acknowledged by Kafka; "
                    + m.marked() + " marked ORDERED, the others wait for the next sweep");
        }
        return new ChunkResult(m.claimed(), m.marked(), m.lastDue(), m.lastId());
    }

    /** How long a chunk waits for Kafka's acknowledgements. */
    static final int ACK_WAIT = 120;
    /** Above the wait for Kafka, so that the transaction is never timed out while marks are written. */
    static final int TRANSACTION_TIMEOUT_SECONDS = ACK_WAIT + 60;

    private Marked claimSendMark(LocalDate today, LocalDate afterDue, UUID afterId) {
        try (Connection c = dataSource.getConnection()) {
            List<Claimed> claimed = claim(c, today, afterDue, afterId);
            if (claimed.isEmpty()) {
                return new Marked(0, 0, 0, afterDue, afterId);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<UUID> sent = new ArrayList<>();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (Claimed s : claimed) {
                acks.add(sender.send(new DeletionOrder(s.id().toString(), s.subjectRef(), s.fiche(), s.ruleText(),
                        s.trigger(), s.triggerDate(), s.due(), s.fate(), now)));
                sent.add(s.id());
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_WAIT, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // some were refused or are late: the acknowledged ones are marked below, the others are sent
                // again (same CloudEvent id) by the next sweep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e); // rolled back
            }
            List<UUID> toMark = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                if (acks.get(i).isDone() && !acks.get(i).isCompletedExceptionally()) {
                    toMark.add(sent.get(i));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update schedule set status = 'ORDERED', "
                    + "ordered_at = ?, updated_at = ? where id = any (?)")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setArray(3, c.createArrayOf("uuid", toMark.toArray()));
                ps.executeUpdate();
            }
            Claimed last = claimed.get(claimed.size() - 1);
            return new Marked(claimed.size(), sent.size(), toMark.size(), last.due(), last.id());
        } catch (SQLException e) {
            throw new IllegalStateException("Sweep failed: " + e.getMessage(), e);
        }
    }

    private List<Claimed> claim(Connection c, LocalDate today, LocalDate afterDue, UUID afterId) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select s.id, s.subject_ref, s.fiche_number, s.rule_text, s.trigger, s.trigger_date, s.due_on,
                       s.fate
                  from schedule s
                 where s.status = 'SCHEDULED' and (s.due_on, s.id) > (?, ?)
                   and\s""" + RetentionSql.orderable("s", "?") + """
                 order by s.due_on, s.id
                 limit ?
                 for update of s skip locked""")) {
            Date day = Date.valueOf(today);
            ps.setDate(1, Date.valueOf(afterDue));
            ps.setObject(2, afterId);
            ps.setDate(3, day);
            ps.setDate(4, day);
            ps.setInt(5, chunkSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                            rs.getString(8)));
                }
            }
        }
        return claimed;
    }
}
