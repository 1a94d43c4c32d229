package fr.assurancemaladie.rgpd.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of retention-service in the middle of ingesting 100,000 lifecycle events, then a restart: exactly one
 * schedule per (event, rule), none missing, and the events replayed after the crash stored once.
 */
class KillDuringIngestionIT {

    static final int EVENTS = 100_000;
    static final int RULES_PER_EVENT = 2; // fiches 1 and 2 both have a RIGHTS_END rule

    @Test
    void exactlyOneSchedulePerEventAndRuleAfterAKillAndARestart() throws Exception {
        ProcessHarness harness = new ProcessHarness("kill");
        harness.publishRegister();
        // the dead consumer's partitions go to the restarted one once its session expires: 10 s here instead of
        // Kafka's 45 s, which were most of this test's time (nothing else of the consumer changes)
        try (ServiceProcess service = harness.start("retention-kill",
                Map.of("mp.messaging.incoming.lifecycle-events.session.timeout.ms", "10000"))) {
            service.awaitReady(Duration.ofMinutes(2));
            await(() -> harness.count("select count(*) from fiche_rule where executable") == RULES_PER_EVENT,
                    Duration.ofSeconds(60), "the register projected");

            harness.produceRightsEnd(Topics.LIFECYCLE_EVENTS, "kill", EVENTS);
            await(() -> harness.count("select count(*) from lifecycle_event") >= EVENTS / 5, Duration.ofMinutes(3),
                    "ingestion under way");
            service.kill();
            long atKill = harness.count("select count(*) from lifecycle_event");
            System.out.printf("kill -9 with %,d of %,d events stored%n", atKill, EVENTS);
            assertTrue(atKill < EVENTS, "killed in the middle of the ingestion");

            Instant restart = Instant.now();
            service.restart();
            service.awaitReady(Duration.ofMinutes(2));
            await(() -> harness.count("select count(*) from lifecycle_event") == EVENTS, Duration.ofMinutes(5),
                    "every event stored");
            await(() -> harness.count("select count(*) from schedule") == (long) EVENTS * RULES_PER_EVENT,
                    Duration.ofMinutes(2), "every schedule written");
            System.out.printf("restart to complete: %d ms%n", Duration.between(restart, Instant.now()).toMillis());

            assertEquals(0, harness.count("select count(*) from lifecycle_event e where (select count(*) from "
                    + "schedule s where s.event_id = e.id) <> " + RULES_PER_EVENT), "each event has one schedule per rule");
            assertEquals(0, harness.count("select count(*) from (select event_id, fiche_number, rule_index from "
                    + "schedule group by 1, 2, 3 having count(*) > 1) d"), "never two");
            assertEquals(EVENTS, harness.count("select count(distinct (source, event_id)) from lifecycle_event"));
            assertEquals(EVENTS, harness.count("select count(distinct subject_ref) from schedule"));
            assertEquals(0, harness.count(RetentionTestSupport.WORK_TABLES_OUT_OF_STEP), "schedule_due holds "
                    + "every schedule written, once");
            // every record was read and acknowledged after the restart, those read twice (after the last commit
            // before the kill) included: nothing is left to arrive, and the counts above are final
            org.awaitility.Awaitility.await("the consumer group acknowledged the whole topic")
                    .atMost(Duration.ofMinutes(2)).until(() -> harness.lag("retention-service.lifecycle-events",
                            Topics.LIFECYCLE_EVENTS) == 0);
            assertEquals((long) EVENTS * RULES_PER_EVENT, harness.count("select count(*) from schedule"));
            String metrics = new String(service.managementUri("/q/metrics").toURL().openStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            System.out.println("after the restart: " + metrics.lines()
                    .filter(l -> l.startsWith("retention_lifecycle_events_total")).toList());
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check, Duration timeout, String what) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(check::ok);
    }
}
