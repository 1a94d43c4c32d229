package fr.assurancemaladie.rgpd.retention.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.retention.RetentionTestSupport;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * A sweep whose orders Kafka never takes (no broker where the producer looks): nothing is marked ORDERED, the due
 * schedules stay due for the next sweep, and the admin who asked for the sweep gets a 503 with a French detail, not
 * a 500.
 */
@QuarkusTest
class KafkaAwaySweepTest {

    static final int SCHEDULES = 150;
    static final String CAISSE = "CPAM-KAFKA-AWAY";

    @Inject
    AgroalDataSource ds;

    @Inject
    ObjectMapper json;

    @Inject
    RetentionConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    RetentionClock clock;

    /** A sender whose broker is a closed port, and which waits 1 s for it instead of 10. */
    DeletionOrderSender nowhere() {
        DeletionOrderSender sender = new DeletionOrderSender() {
            @Override
            Map<String, Object> producerConfig() {
                Map<String, Object> c = super.producerConfig();
                c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
                c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
                return c;
            }
        };
        sender.json = json;
        sender.kafkaConfig = Map.of();
        sender.config = config;
        return sender;
    }

    long due() throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from schedule_due d join schedule s on s.id = d.schedule_id where s.caisse_code = '"
                        + CAISSE + "' and s.status = 'SCHEDULED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void ordersKafkaDoesNotTakeStayDueAndTheAnswerIs503() throws Exception {
        DueSchedules.insert(ds, "kafka-away", SCHEDULES, CAISSE);
        Sweep sweep = new Sweep();
        sweep.dataSource = ds;
        sweep.sender = nowhere();
        sweep.registry = registry;
        sweep.chunkSize = 1000;
        sweep.workers = 1;
        sweep.meters();
        SweepResource resource = new SweepResource();
        resource.sweep = sweep;
        resource.clock = clock;
        resource.config = config;
        try {
            long start = System.nanoTime();
            ProblemException refused = assertThrows(ProblemException.class, () -> resource.run(null));
            assertEquals(503, refused.status());
            assertTrue(refused.getMessage().startsWith("Kafka n'a pas accusé réception de "), refused.getMessage());
            assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30,
                    "one refused send stops the chunk: the others are not tried for max-block each");
        } finally {
            sweep.sender.close();
        }
        assertEquals(SCHEDULES, due(), "every schedule is still due, for the next sweep");
        assertEquals(0, RetentionTestSupport.workTablesOutOfStep(ds));
    }
}
