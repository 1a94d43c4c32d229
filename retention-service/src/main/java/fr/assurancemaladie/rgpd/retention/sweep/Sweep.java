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
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Orders every due and unheld deletion, exactly once per schedule, however many replicas sweep at the same time.
 *
 * <p>Work is claimed in the database, a chunk at a time, from the due work ({@code schedule_due}, apart from the
 * history): due schedules, oldest first, locked {@code FOR UPDATE SKIP LOCKED} (another replica's chunk is skipped,
 * not waited for), and orderable by the law's SQL form ({@link RetentionSql#orderable}: due, litigation clause
 * counted, no hold covering it today). One statement claims the chunk and marks it ORDERED (it moves to
 * {@code schedule_unconfirmed}), uncommitted; the orders are sent, and the transaction commits once Kafka acknowledged
 * them. Those Kafka did not acknowledge go back to the due work in the same transaction. A replica that dies in between commits nothing: the next sweep sends those orders
 * again with the same CloudEvent id (at-least-once on the wire, once in the database).
 */
@ApplicationScoped
public class Sweep {

    private static final Logger LOG = Logger.getLogger(Sweep.class);

    /** What one sweep did. */
    public record Result(LocalDate asOf, int ordered, int skipped, int chunks, long millis, Phases phases) {
    }

    /**
     * Where a sweep's time went, summed over its workers (so the sum can exceed {@code millis}): claiming chunks and
     * marking them ORDERED in the database (one statement), waiting for Kafka's acknowledgements, committing (and
     * putting back what Kafka did not acknowledge).
     */
    public record Phases(long claimMillis, long kafkaMillis, long commitMillis) {
    }

    /**
     * Kafka did not acknowledge some orders of a chunk (broker away, topic refused): those stay SCHEDULED and the next
     * sweep sends them again with the same CloudEvent id; the chunk's acknowledged ones were committed as ORDERED.
     */
    public static final class NotAcknowledged extends RuntimeException {
        private final int missing;
        private final int marked;

        NotAcknowledged(int missing, int marked) {
            super(missing + " deletion orders not acknowledged by Kafka; " + marked
                    + " marked ORDERED in that chunk, the others wait for the next sweep");
            this.missing = missing;
            this.marked = marked;
        }

        public int missing() {
            return missing;
        }

        public int marked() {
            return marked;
        }
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
    private final java.util.concurrent.atomic.AtomicLong claimNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong kafkaNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong markNanos = new java.util.concurrent.atomic.AtomicLong();
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
        claimNanos.set(0);
        kafkaNanos.set(0);
        markNanos.set(0);
        List<CompletableFuture<int[]>> runs = new ArrayList<>();
        try {
            for (int w = 1; w < workers; w++) {
                Slice slice = Slice.of(w, workers);
                runs.add(CompletableFuture.supplyAsync(() -> work(today, slice), pool()));
            }
            int[] total = work(today, Slice.of(0, workers));
            for (CompletableFuture<int[]> run : runs) {
                int[] r = run.join();
                for (int i = 0; i < total.length; i++) {
                    total[i] += r[i];
                }
            }
            Result result = new Result(today, total[0], total[1], total[2], (System.nanoTime() - start) / 1_000_000,
                    new Phases(claimNanos.get() / 1_000_000, kafkaNanos.get() / 1_000_000,
                            markNanos.get() / 1_000_000));
            if (result.ordered() > 0 || result.skipped() > 0) {
                // held schedules are never claimed (the law's SQL form leaves them out): skipped counts only those
                // claimed and not acknowledged by Kafka
                LOG.infof("Sweep as of %s: %d deletions ordered, %d not acknowledged, %d ms (claim %d ms, Kafka %d ms, "
                        + "commit %d ms, summed over %d workers)", today, result.ordered(), result.skipped(),
                        result.millis(), result.phases().claimMillis(), result.phases().kafkaMillis(),
                        result.phases().commitMillis(),
                        workers);
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
    /**
     * The schedule ids one worker of this replica claims: the workers split the uuid space in equal ranges, so that
     * none scans, joins and tries to lock the entries another one has just locked (which made the claim of a dense
     * sweep of 1 M cost a third more, issue 15). Replicas still meet on the same ranges, where {@code SKIP LOCKED}
     * keeps them apart. Bounds are inclusive, in PostgreSQL's order of uuids (unsigned bytes).
     */
    record Slice(UUID from, UUID to) {
        static Slice of(int worker, int workers) {
            long step = Long.divideUnsigned(-1L, workers);
            long from = step * worker;
            long to = worker == workers - 1 ? -1L : step * (worker + 1) - 1;
            return new Slice(new UUID(from, 0L), new UUID(to, -1L));
        }
    }

    private int[] work(LocalDate today, Slice slice) {
        int[] counts = new int[3];
        LocalDate afterDue = LocalDate.of(1, 1, 1);
        UUID afterId = new UUID(0, 0);
        while (true) {
            ChunkResult r = chunk(today, slice, afterDue, afterId);
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
    private record Marked(int claimed, int sent, int marked, LocalDate lastDue, UUID lastId, long claimNanos,
            long kafkaNanos) {
    }

    /**
     * One chunk, in its own transaction: claim, send, wait for Kafka (up to {@link #ACK_WAIT}), mark what Kafka
     * acknowledged. The transaction commits the marks even when some orders were not acknowledged; those are sent
     * again (same CloudEvent id) by the next sweep, and this sweep stops.
     */
    private ChunkResult chunk(LocalDate today, Slice slice, LocalDate afterDue, UUID afterId) {
        long start = System.nanoTime();
        Marked m = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                .call(() -> claimSendMark(today, slice, afterDue, afterId));
        claimNanos.addAndGet(m.claimNanos());
        kafkaNanos.addAndGet(m.kafkaNanos());
        markNanos.addAndGet(System.nanoTime() - start - m.claimNanos() - m.kafkaNanos()); // with the commit
        orders.increment(m.marked());
        if (m.marked() < m.sent()) {
            throw new NotAcknowledged(m.sent() - m.marked(), m.marked());
        }
        return new ChunkResult(m.claimed(), m.marked(), m.lastDue(), m.lastId());
    }

    /** How long a chunk waits for Kafka's acknowledgements. */
    static final int ACK_WAIT = 120;
    /** Above the wait for Kafka, so that the transaction is never timed out while marks are written. */
    static final int TRANSACTION_TIMEOUT_SECONDS = ACK_WAIT + 60;

    private Marked claimSendMark(LocalDate today, Slice slice, LocalDate afterDue, UUID afterId) {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Claimed> claimed = claim(c, today, slice, afterDue, afterId, now);
            long t1 = System.nanoTime();
            if (claimed.isEmpty()) {
                return new Marked(0, 0, 0, afterDue, afterId, t1 - t0, 0);
            }
            DeletionOrderSender.Batch batch = sender.batch(claimed.size(), now);
            for (Claimed s : claimed) {
                batch.send(new DeletionOrder(s.id().toString(), s.subjectRef(), s.fiche(), s.ruleText(), s.trigger(),
                        s.triggerDate(), s.due(), s.fate(), now));
            }
            java.util.BitSet missing;
            try {
                // the acknowledged ones are marked below; the refused or late ones are sent again (same CloudEvent
                // id) by the next sweep
                missing = batch.notAcknowledged(java.time.Duration.ofSeconds(ACK_WAIT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e); // rolled back
            }
            long t2 = System.nanoTime();
            List<UUID> notAcknowledged = new ArrayList<>();
            missing.stream().forEach(i -> notAcknowledged.add(claimed.get(i).id()));
            if (!notAcknowledged.isEmpty()) {
                // back to the due work in the same transaction: the next sweep sends them again, same CloudEvent id
                try (PreparedStatement ps = c.prepareStatement("""
                        with back as (delete from schedule_unconfirmed where schedule_id = any (?) returning schedule_id)
                        insert into schedule_due (schedule_id, due_on, fiche_number, rule_index, caisse_code)
                        select s.id, s.due_on, s.fiche_number, s.rule_index, s.caisse_code
                          from back join schedule s on s.id = back.schedule_id""")) {
                    ps.setArray(1, c.createArrayOf("uuid", notAcknowledged.toArray()));
                    ps.executeUpdate();
                }
            }
            Claimed last = claimed.stream().max(SWEEP_ORDER).orElseThrow();
            return new Marked(claimed.size(), claimed.size(), claimed.size() - notAcknowledged.size(), last.due(),
                    last.id(), t1 - t0, t2 - t1);
        } catch (SQLException e) {
            throw new IllegalStateException("Sweep failed: " + e.getMessage(), e);
        }
    }

    /** The order of {@code schedule_due_order}: due day, then the id as PostgreSQL compares uuids (unsigned bytes). */
    static final java.util.Comparator<Claimed> SWEEP_ORDER = java.util.Comparator.comparing(Claimed::due)
            .thenComparing(Claimed::id, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    /**
     * Claims the next chunk and marks it ORDERED in one statement: the due entries after the cursor, oldest first,
     * that the law lets go today, locked {@code SKIP LOCKED} (another sweeper's chunk is skipped, not waited for),
     * move from {@code schedule_due} to {@code schedule_unconfirmed}; the orders' content is read from
     * {@code schedule} on the way (the row the hold check joins anyway), which the sweep does not write (V6).
     * Nothing is visible to others before the commit, which follows Kafka's acknowledgements.
     */
    private List<Claimed> claim(Connection c, LocalDate today, Slice slice, LocalDate afterDue, UUID afterId,
            Instant now) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement()) {
            // The only good plan walks schedule_due_order from the cursor and stops after the chunk. Where the
            // statistics say few rows are due (a table just filled, not yet analysed; realistic data at 1.29 M rows),
            // PostgreSQL chose a bitmap scan and a sort of every due entry for each chunk instead: 3-4x slower
            // (measured, issue 15). For this transaction only, that alternative is taken away.
            st.execute("set local enable_bitmapscan = off; set local enable_sort = off; set local enable_hashjoin = off");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with chunk as (
                  delete from schedule_due d
                   using (select n.schedule_id, due.subject_ref, due.rule_text, due.trigger, due.trigger_date,
                                 due.due_on, due.fate
                            from schedule_due n join schedule due on due.id = n.schedule_id
                           where (n.due_on, n.schedule_id) > (?, ?) and n.due_on <= ?
                             and n.schedule_id between ? and ?
                             and due.status = 'SCHEDULED' and\s""" + RetentionSql.orderable("due", "?") + """
                           order by n.due_on, n.schedule_id
                           limit ?
                           for update of n skip locked) next
                   where d.schedule_id = next.schedule_id
                  returning d.schedule_id, d.fiche_number, d.caisse_code, next.subject_ref, next.rule_text,
                            next.trigger, next.trigger_date, next.due_on, next.fate),
                ordered as (
                  insert into schedule_unconfirmed (schedule_id, ordered_at, fiche_number, caisse_code)
                  select schedule_id, ?, fiche_number, caisse_code from chunk)
                select schedule_id, subject_ref, fiche_number, rule_text, trigger, trigger_date, due_on, fate
                  from chunk""")) {
            Date day = Date.valueOf(today);
            ps.setDate(1, Date.valueOf(afterDue));
            ps.setObject(2, afterId);
            ps.setDate(3, day);
            ps.setObject(4, slice.from());
            ps.setObject(5, slice.to());
            ps.setDate(6, day);
            ps.setDate(7, day);
            ps.setInt(8, chunkSize);
            ps.setTimestamp(9, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getString(8)));
                }
            }
        }
        return claimed;
    }
}
