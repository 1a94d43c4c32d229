package fr.assurancemaladie.rgpd.retention.sweep;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.SdkKafka;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker really stops in the middle of a sweep and starts again: the sweep waits for Kafka's
 * acknowledgements rather than marking orders it does not know were taken; once the broker is back every due
 * schedule is ORDERED exactly once in the database, and whatever was sent twice carries the same CloudEvent id (the
 * schedule's) — the receiving systems deduplicate on it. Readiness is DOWN while the broker is away.
 */
@QuarkusTest
class BrokerRestartDuringSweepTest {

    static final int SCHEDULES = 3000;
    static final String CAISSE = "CPAM-BROKER-RESTART";

    @Inject
    AgroalDataSource ds;

    @Inject
    DeletionOrderSender sender;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    Sweep sweeper() {
        Sweep s = new Sweep();
        s.dataSource = ds;
        s.sender = sender;
        s.registry = registry;
        s.chunkSize = 50; // many chunks: the broker goes away between two of them
        s.workers = 1;
        s.meters();
        return s;
    }

    long ordered() throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from schedule_state where status = 'ORDERED' and caisse_code = '" + CAISSE + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyDueScheduleIsOrderedExactlyOnceAcrossABrokerRestart() throws Exception {
        DueSchedules.insert(ds, "broker-restart", SCHEDULES, CAISSE);
        Set<String> ids = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select id::text, subject_ref from schedule where caisse_code = '" + CAISSE + "'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                subjects.add(rs.getString(2));
            }
        }
        Sweep sweep = sweeper();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Sweep.Result> run = pool.submit(() -> sweep.sweep(LocalDate.now()).orElseThrow());
            await().atMost(Duration.ofSeconds(60)).until(() -> ordered() >= 300);
            SharedInfra.get().stopKafka();
            try {
                // the sweep cannot finish without Kafka: it waits for acknowledgements instead of guessing
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !run.isDone());
                assertTrue(ordered() < SCHEDULES, "not everything was ordered before the broker stopped");
                await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(ready).statusCode() == 503);
            } finally {
                SharedInfra.get().startKafka();
            }
            try {
                run.get(180, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // a chunk not acknowledged in time: its orders wait for the next sweep, which sends them again
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                sweep.sweep(LocalDate.now());
                return ordered() == SCHEDULES;
            });
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when().get(ready).statusCode() == 200);

        List<TestKafka.Received> orders = TestKafka.readToEnd(bootstrap, Topics.DELETION_ORDERS,
                Duration.ofSeconds(60)).stream().filter(r -> subjects.contains(r.key())).toList();
        Map<String, Long> perId = orders.stream().collect(Collectors.groupingBy(r -> r.header("ce_id"),
                Collectors.counting()));
        assertEquals(ids, perId.keySet(), "every order's CloudEvent id is its schedule's, and every schedule has one");
        // as the systems holding the data read them: the official CloudEvents SDK decodes every order
        List<SdkKafka.Decoded> decoded = SdkKafka.readAll(bootstrap, Topics.DELETION_ORDERS, Duration.ofSeconds(60));
        for (SdkKafka.Decoded d : decoded) {
            assertEquals(fr.assurancemaladie.rgpd.events.EventTypes.DELETION_ORDERED, d.type());
            assertEquals("application/json", d.dataContentType());
            assertTrue(d.time() != null && !d.source().isBlank(), d.toString());
        }
        assertTrue(decoded.stream().map(SdkKafka.Decoded::id).collect(Collectors.toSet()).containsAll(ids));
        System.out.printf("Broker restart during a sweep: %d orders on the topic for %d schedules%n", orders.size(),
                SCHEDULES);
    }
}
