package fr.assurancemaladie.rgpd.rights.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The caisses' calendars as data: seeded with the legal list, edited by an admin with a reason; the deadline endpoint
 * reads a caisse's calendar and names the days that moved its date. Martinique (CGSS-972) in 2027: no other test uses it.
 */
@QuarkusTest
public class CalendarApiTest {

    static final String ADMIN = TestTokens.withRoles("admin", "admin");

    @Test
    void aLocalDayAddedByAnAdminMovesTheDeadlinesAndTheAnswerSaysWhy() {
        // seeded with the legal list: the abolition of slavery (22 May in Martinique), not Good Friday
        given().queryParam("year", "2027").get("/api/v1/caisses/CGSS-972/calendar").then().statusCode(200)
                .body("days.day", hasItem("2027-05-22")).body("days.day", not(hasItem("2027-03-26")))
                .body("days.find { it.day == '2027-05-22' }.origin", equalTo("LEGAL"));

        // received Friday 26 February 2027: one month later is Friday 26 March, a working day by the legal list
        given().queryParam("receivedOn", "2027-02-26").queryParam("caisse", "CGSS-972").get("/api/v1/deadlines")
                .then().statusCode(200).body("dueOn", equalTo("2027-03-26")).body("skipped.size()", equalTo(0));

        // only an admin edits, with a reason
        Map<String, Object> goodFriday = Map.of("nonWorking", true, "name", "Vendredi saint",
                "reason", "Jour chômé en Martinique (usage local), comme les calendriers de la région le comptent.");
        given().contentType(ContentType.JSON).body(goodFriday).put("/api/v1/caisses/CGSS-972/calendar/2027-03-26")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.dpo("dpo.martinique", "CGSS-972")).contentType(ContentType.JSON)
                .body(goodFriday).put("/api/v1/caisses/CGSS-972/calendar/2027-03-26").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("nonWorking", true, "name", "Vendredi saint"))
                .put("/api/v1/caisses/CGSS-972/calendar/2027-03-26").then().statusCode(400)
                .contentType("application/problem+json");
        JsonPath year = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(goodFriday)
                .put("/api/v1/caisses/CGSS-972/calendar/2027-03-26").then().statusCode(200).extract().jsonPath();
        assertEquals("LOCAL", year.getString("days.find { it.day == '2027-03-26' }.origin"));
        assertEquals("admin", year.getString("changes[-1].changedBy"));
        assertTrue(year.getString("changes[-1].reason").contains("usage local"));

        // now: Friday 26 (Vendredi saint), the weekend, Monday 29 (Easter Monday): due Tuesday 30 March
        JsonPath due = given().queryParam("receivedOn", "2027-02-26").queryParam("caisse", "CGSS-972")
                .get("/api/v1/deadlines").then().statusCode(200).extract().jsonPath();
        assertEquals("2027-03-30", due.getString("dueOn"));
        assertEquals("2027-03-26", due.getString("nominal"));
        assertEquals(List.of("Vendredi saint", "samedi", "dimanche", "lundi de Pâques"), due.getList("skipped.why"));
        assertTrue(due.getString("explanation").contains("vendredi 26 mars 2027 (Vendredi saint)"), due.getString("explanation"));
        // the département's legal list is unchanged
        given().queryParam("receivedOn", "2027-02-26").queryParam("departement", "972").get("/api/v1/deadlines")
                .then().statusCode(200).body("dueOn", equalTo("2027-03-26"));

        // and back to a working day, with its reason
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("nonWorking", false, "reason", "Saisie de test annulée."))
                .put("/api/v1/caisses/CGSS-972/calendar/2027-03-26").then().statusCode(200)
                .body("days.day", not(hasItem("2027-03-26"))).body("changes.size()", equalTo(2));
        given().queryParam("receivedOn", "2027-02-26").queryParam("caisse", "CGSS-972").get("/api/v1/deadlines")
                .then().statusCode(200).body("dueOn", equalTo("2027-03-26"));
    }

    @Test
    void badInputIsA400() {
        given().queryParam("year", "1999").get("/api/v1/caisses/CGSS-972/calendar").then().statusCode(400);
        given().queryParam("year", "2027").get("/api/v1/caisses/NOPE/calendar").then().statusCode(404);
        given().queryParam("receivedOn", "2027-02-26").queryParam("caisse", "NOPE").get("/api/v1/deadlines")
                .then().statusCode(400).body("detail", containsString("Caisse inconnue"));
        given().queryParam("receivedOn", "2027-02-26").queryParam("caisse", "CGSS-972").queryParam("departement", "972")
                .get("/api/v1/deadlines").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("nonWorking", true, "name", "x", "reason", "y"))
                .put("/api/v1/caisses/CGSS-972/calendar/2027-02-30").then().statusCode(400);
    }
}
