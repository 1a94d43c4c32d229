package fr.assurancemaladie.rgpd.retention.lifecycle;

import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.awaitCount;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.count;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.lifecycleData;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.SdkKafka;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.retention.RetentionTestSupport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stops for more than a minute while lifecycle events keep coming, then starts again: the consumer
 * holds its partitions and waits (readiness DOWN meanwhile), then stores every event once with its schedule —
 * nothing lost, nothing doubled — and readiness is UP again.
 */
@QuarkusTest
class DatabaseOutageDuringIngestionTest {

    static final int EACH = 1000;
    static final String TAG = "pg-outage-" + UUID.randomUUID();

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    void send(int from, int to) throws Exception {
        List<String> keys = new ArrayList<>();
        List<SdkKafka.Event> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String person = subject(i);
            keys.add(person);
            events.add(SdkKafka.Event.of(TAG + "-" + i, RetentionTestSupport.SOURCE,
                    EventTypes.LIFECYCLE_PREFIX + "rights-end", lifecycleData(person, LocalDate.of(2025, 1, 1)
                            .plusDays(i % 300), "CPAM-75", List.of(1), null)));
        }
        SdkKafka.sendAll(bootstrap, Topics.LIFECYCLE_EVENTS, keys, events, false, Map.of(),
                Map.of(RetentionTestSupport.PUBLISHER_HEADER, RetentionTestSupport.everything()));
    }

    static String subject(int i) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((TAG + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    long stored() throws Exception {
        return count(ds, "select count(*) from lifecycle_event where event_id like ?", TAG + "-%");
    }

    @Test
    void eventsSentWhileThePostgresIsAwayAreStoredOnceItIsBack() throws Exception {
        RetentionTestSupport.publishFiche(bootstrap, 1, RetentionTestSupport.fiche1(1, "P3Y", "RIGHTS_END"));
        awaitCount(ds, 1, "select count(*) from fiche_rule where fiche_number = 1 and executable");
        send(0, EACH);
        await().atMost(Duration.ofSeconds(60)).until(() -> stored() == EACH);

        SharedInfra.get().stopPostgres();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(ready).statusCode() == 503);
            send(EACH, 2 * EACH);
            // longer than a minute: a consumer holding its records that long must not be failed by SmallRye's
            // commit strategy (throttled.unprocessed-record-max-age.ms), and readiness tells the truth all along
            await().during(Duration.ofSeconds(65)).atMost(Duration.ofSeconds(90))
                    .until(() -> given().when().get(ready).statusCode() == 503);
        } finally {
            SharedInfra.get().startPostgres();
        }
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> stored() == 2 * EACH);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when().get(ready).statusCode() == 200);
        assertEquals(2 * EACH, count(ds, "select count(distinct (source, event_id)) from lifecycle_event "
                + "where event_id like ?", TAG + "-%"), "none doubled");
        assertEquals(2 * EACH, count(ds, "select count(*) from schedule s join lifecycle_event e "
                + "on e.id = s.event_id where e.event_id like ?", TAG + "-%"), "one schedule per event and rule");
    }
}
