package fr.assurancemaladie.rgpd.rights.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public deadline endpoint answers every hand-computed case of the calculator's unit test. */
@QuarkusTest
class DeadlineApiTest {

    @Test
    void everyWorkedCaseThroughTheEndpoint() throws Exception {
        List<String[]> cases;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/deadline-cases.csv"), StandardCharsets.UTF_8))) {
            cases = in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",\\s*", 5)).toList();
        }
        assertTrue(cases.size() >= 40, "worked cases: " + cases.size());
        for (String[] c : cases) {
            String due = given().queryParam("receivedOn", c[0]).queryParam("departement", c[1]).queryParam("months", c[2])
                    .when().get("/api/v1/deadlines").then()
                    .statusCode(200)
                    .body("receivedOn", equalTo(c[0]))
                    .body("departement", equalTo(c[1]))
                    .body("months", equalTo(Integer.parseInt(c[2])))
                    .extract().path("dueOn");
            assertEquals(c[3], due, c[4]);
        }
    }

    @Test
    void monthsDefaultsToOne() {
        given().queryParam("receivedOn", "2026-01-31").queryParam("departement", "75")
                .when().get("/api/v1/deadlines").then().statusCode(200)
                .body("months", equalTo(1)).body("dueOn", equalTo("2026-03-02"));
    }

    @Test
    void invalidInputIsA400ProblemInFrench() {
        String[][] bad = {
            {"2026-02-30", "75", "1"}, {"31/01/2026", "75", "1"}, {"", "75", "1"}, {"2026-01-31", "20", "1"},
            {"2026-01-31", "975", "1"}, {"2026-01-31", "xx", "1"}, {"2026-01-31", "75", "2"}, {"2026-01-31", "75", "un"},
            {"1500-01-01", "75", "1"},
        };
        for (String[] b : bad) {
            given().queryParam("receivedOn", b[0]).queryParam("departement", b[1]).queryParam("months", b[2])
                    .when().get("/api/v1/deadlines").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", notNullValue());
        }
        given().when().get("/api/v1/deadlines").then().statusCode(400);
    }
}
