package fr.assurancemaladie.rgpd.rights.request;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.Nir;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stops in the middle of citizens' submissions, then starts again: while it is away each submission
 * is answered 503 problem+json (with Retry-After) and leaves nothing behind; every submission answered 201 is whole
 * (request, fiches, outbox events, audit line); readiness says DOWN while the database is away, UP when it is back.
 */
@QuarkusTest
class DatabaseOutageTest {

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Inject
    AgroalDataSource ds;

    static String citizen(int i) {
        String body = "1850575" + String.format("%03d", 200 + i) + "123";
        return TestTokens.citizen("panne." + i, body + String.format("%02d", Nir.expectedKey(body)), "CPAM-75");
    }

    static Response submit(String token, String marker) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "ficheNumber", 1, "message", marker))
                .when().post("/api/v1/requests");
    }

    @Test
    void submissionsWhileThePostgresIsAwayAre503AndNoneIsHalfWritten() throws Exception {
        QuarkusTransaction.requiringNew().run(RequestApiTest::projectTestRegister);
        String marker = "panne-" + UUID.randomUUID();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(submit(citizen(i), marker).then().statusCode(201).extract().path("id"));
        }
        int refused = 0;
        SharedInfra.get().stopPostgres();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(ready).statusCode() == 503);
            for (int i = 10; i < 30; i++) {
                Response r = submit(citizen(i), marker);
                assertEquals(503, r.statusCode(), r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertEquals("5", r.header("Retry-After"));
                assertTrue(r.jsonPath().getString("detail").contains("momentanément indisponible"), r.asString());
                refused++;
            }
        } finally {
            SharedInfra.get().startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when().get(ready).statusCode() == 200);
        // the pool finds its connections again: submissions are accepted anew
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response r = submit(citizen(99), marker);
            if (r.statusCode() == 201) {
                accepted.add(r.path("id"));
                return true;
            }
            assertEquals(503, r.statusCode(), r.asString());
            return false;
        });
        assertEquals(20, refused);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select r.id::text,
                       (select count(*) from request_fiche f where f.request_id = r.id),
                       (select count(*) from audit_entry a where a.request_id = r.id and a.action = 'SUBMIT'),
                       (select count(*) from rights_outbox o where o.payload->>'requestId' = r.id::text)
                  from rights_request r where r.message = ?""")) {
            ps.setString(1, marker);
            List<String> stored = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                    assertEquals(1, rs.getInt(2), "its fiche");
                    assertEquals(1, rs.getInt(3), "its audit line");
                    assertTrue(rs.getInt(4) >= 1, "its events in the outbox");
                }
            }
            assertEquals(accepted.stream().sorted().toList(), stored.stream().sorted().toList(),
                    "every 201 is stored, no 503 left anything");
        }
    }
}
