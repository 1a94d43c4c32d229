package fr.assurancemaladie.rgpd.retention.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two sweepers, as two replicas would run them, against one database at the same time: every due schedule gets
 * exactly one deletion order on the topic, and is marked ORDERED once.
 */
@QuarkusTest
class TwoSweepersTest {

    static final int SCHEDULES = 3000;
    static final String CAISSE = "CPAM-TWO-SWEEPERS";

    @Inject
    AgroalDataSource ds;

    @Inject
    DeletionOrderSender sender;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Sweep replica() {
        Sweep s = new Sweep();
        s.dataSource = ds;
        s.sender = sender;
        s.registry = registry;
        s.chunkSize = 97; // small chunks, so that the two replicas interleave
        s.workers = 1;
        s.meters();
        return s;
    }

    @Test
    void everyDueScheduleGetsExactlyOneOrder() throws Exception {
        DueSchedules.insert(ds, "two-sweepers", SCHEDULES, CAISSE);
        Set<String> subjects = new HashSet<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select subject_ref from schedule where caisse_code = '" + CAISSE + "'")) {
            while (rs.next()) {
                subjects.add(rs.getString(1));
            }
        }
        assertEquals(SCHEDULES, subjects.size());

        Sweep a = replica();
        Sweep b = replica();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Sweep.Result> ra = pool.submit(() -> {
                start.await();
                return a.sweep(LocalDate.now()).orElseThrow();
            });
            Future<Sweep.Result> rb = pool.submit(() -> {
                start.await();
                return b.sweep(LocalDate.now()).orElseThrow();
            });
            start.countDown();
            Sweep.Result resultA = ra.get();
            Sweep.Result resultB = rb.get();
            System.out.printf("Two sweepers: A ordered %d in %d chunks, B ordered %d in %d chunks%n",
                    resultA.ordered(), resultA.chunks(), resultB.ordered(), resultB.chunks());
        } finally {
            pool.shutdownNow();
        }

        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) filter (where status = 'ORDERED'), count(*) from schedule_state where caisse_code = '"
                        + CAISSE + "'")) {
            rs.next();
            assertEquals(SCHEDULES, rs.getInt(1), "every due schedule is ORDERED");
        }
        assertEquals(0, fr.assurancemaladie.rgpd.retention.RetentionTestSupport.workTablesOutOfStep(ds),
                "nothing left in schedule_due, every order waiting in schedule_unconfirmed");
        List<TestKafka.Received> orders = TestKafka.readToEnd(bootstrap, Topics.DELETION_ORDERS,
                Duration.ofSeconds(60)).stream().filter(r -> subjects.contains(r.key())).toList();
        Map<String, Long> perSchedule = orders.stream()
                .collect(Collectors.groupingBy(r -> r.header("ce_id"), Collectors.counting()));
        assertEquals(SCHEDULES, perSchedule.size(), "one order per schedule");
        assertEquals(Map.of(1L, (long) SCHEDULES), perSchedule.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())), "never two");
    }
}
