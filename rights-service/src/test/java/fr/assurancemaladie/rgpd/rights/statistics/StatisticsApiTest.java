package fr.assurancemaladie.rgpd.rights.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.rights.request.RequestApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public statistics of 2026-Q4 (the clock stands on 26 November 2026), from requests written straight into the
 * database for two caisses no other test uses: CPAM-13 (25 access requests answered in 15 days, 3 erasures refused) and
 * CPAM-69 (30 access requests answered in 15 days).
 */
@QuarkusTest
@TestProfile(RequestApiTest.Thursday26November.class)
public class StatisticsApiTest {

    @Inject
    EntityManager em;

    @Inject
    StatisticsService service;

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void requests() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from rights_request where caisse_code in ('CPAM-13', 'CPAM-69') "
                    + "and submitted_by = 'statistics-test'").executeUpdate();
            insert("CPAM-13", "ACCESS", 25, "ANSWERED", null);
            insert("CPAM-13", "ERASURE", 3, "REFUSED", "EXCESSIVE");
            insert("CPAM-69", "ACCESS", 30, "ANSWERED", null);
        });
        service.forget();
    }

    void insert(String caisse, String type, int count, String status, String ground) {
        em.createNativeQuery("insert into rights_request (id, group_id, type, status, scope, fiche_number, nir, subject_ref,"
                + " caisse_code, channel, received_on, due_on, period_start, extended, answer, reason, refusal_ground,"
                + " submitted_by, created_at, updated_at, decided_at, outcome)"
                + " select gen_random_uuid(), gen_random_uuid(), :type, :status, 'FICHE', 1, '185057505612388', repeat('a', 64),"
                + " :caisse, 'POSTAL', date '2026-10-05', date '2026-11-05', date '2026-10-05', false,"
                + " case when :status = 'ANSWERED' then 'Réponse' end, case when :status = 'REFUSED' then 'Motif' end,"
                + " cast(:ground as varchar), 'statistics-test', now(), now(), timestamptz '2026-10-20 10:00+02', :status"
                + " from generate_series(1, :count)")
                .setParameter("type", type).setParameter("status", status).setParameter("caisse", caisse)
                .setParameter("ground", ground).setParameter("count", count).executeUpdate();
    }

    static JsonNode row(JsonNode statistics, String table, String caisse) {
        for (JsonNode t : statistics.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                for (JsonNode r : t.get("rows")) {
                    if (r.get("code").asText().equals(caisse)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("No row " + caisse + " in " + table);
    }

    static int column(JsonNode statistics, String table, String column) {
        for (JsonNode t : statistics.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                List<String> columns = new ArrayList<>();
                t.get("columns").forEach(c -> columns.add(c.asText()));
                return columns.indexOf(column);
            }
        }
        throw new AssertionError(table);
    }

    @Test
    void everyPublishedCountIsZeroOrAtLeastElevenAndSmallOnesCannotBeRecomputed() throws Exception {
        String body = given().get("/api/v1/statistics?quarter=2026-Q4").then().statusCode(200)
                .contentType("application/json").extract().asString();
        JsonNode s = JSON.readTree(body);
        assertEquals("2026-10-01", s.get("from").asText());
        assertEquals("2026-12-31", s.get("to").asText());
        // no figure from 1 to 10 anywhere, margins included
        List<Long> published = new ArrayList<>();
        for (JsonNode t : s.get("tables")) {
            List<JsonNode> rows = new ArrayList<>();
            t.get("rows").forEach(rows::add);
            rows.add(t.get("national"));
            for (JsonNode r : rows) {
                r.get("cells").forEach(c -> {
                    if (!c.get("ns").asBoolean()) {
                        published.add(c.get("value").asLong());
                    }
                });
                if (!r.get("total").get("ns").asBoolean()) {
                    published.add(r.get("total").get("value").asLong());
                }
            }
        }
        assertFalse(published.isEmpty());
        assertTrue(published.stream().noneMatch(v -> v >= 1 && v <= 10), published.toString());

        // three refused erasures at CPAM-13: NS, and so is one more figure of the row or its total
        JsonNode refused = row(s, "refused", "CPAM-13");
        int erasure = column(s, "refused", "ERASURE");
        assertTrue(refused.get("cells").get(erasure).get("ns").asBoolean());
        assertTrue(refused.get("total").get("ns").asBoolean(), "3 refusals in all: the row total is secret too");
        JsonNode received = row(s, "received", "CPAM-13");
        long hidden = 0;
        for (JsonNode c : received.get("cells")) {
            hidden += c.get("ns").asBoolean() ? 1 : 0;
        }
        hidden += received.get("total").get("ns").asBoolean() ? 1 : 0;
        assertTrue(hidden >= 2, "the 3 erasures received cannot be recomputed from the row: " + received);
        // a figure that is shown is the true one
        JsonNode cpam69 = row(s, "received", "CPAM-69");
        JsonNode access69 = cpam69.get("cells").get(column(s, "received", "ACCESS"));
        assertTrue(access69.get("ns").asBoolean() || access69.get("value").asLong() == 30, cpam69.toString());
        // the rate of a secret count is NS
        for (JsonNode r : s.get("answeredWithinMonthRate").get("rows")) {
            if (r.get("code").asText().equals("CPAM-13")) {
                assertTrue(r.get("cells").get(erasure).get("ns").asBoolean(), r.toString());
            }
            if (r.get("code").asText().equals("CPAM-69") && !r.get("cells").get(0).get("ns").asBoolean()) {
                assertEquals(100.0, r.get("cells").get(0).get("percent").asDouble(), r.toString());
            }
        }
        // days to answer: 15 for every request of CPAM-69, when its count is shown
        for (JsonNode d : s.get("daysToAnswer")) {
            if (d.get("code").asText().equals("CPAM-69") && !d.get("ns").asBoolean()) {
                assertEquals(15.0, d.get("median").asDouble());
                assertEquals(15.0, d.get("p90").asDouble());
            }
        }
    }

    @Test
    void theSameFiguresAsCsv() {
        String csv = given().get("/api/v1/statistics/csv?quarter=2026-Q4").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("trimestre,tableau,caisse,colonne,valeur\r\n"), csv.substring(0, 80));
        assertTrue(csv.contains("\r\n2026-Q4,refused,CPAM-13,ERASURE,NS\r\n"));
        assertTrue(csv.contains("\r\n2026-Q4,refusedByGround,CPAM-13,EXCESSIVE,NS\r\n"));
        for (String line : csv.split("\r\n")) {
            String value = line.substring(line.lastIndexOf(',') + 1);
            if (value.matches("[0-9]+") && !line.contains(",answeredWithinMonthRate,") && !line.contains(",daysToAnswer")) {
                long v = Long.parseLong(value);
                assertFalse(v >= 1 && v <= 10, line);
            }
        }
    }

    @Test
    void aQuarterIsAsked() {
        given().get("/api/v1/statistics?quarter=2026-13").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/statistics?quarter=2027-Q3").then().statusCode(400);
        given().get("/api/v1/statistics").then().statusCode(200).body("quarter", org.hamcrest.Matchers.equalTo("2026-Q4"));
    }
}
