package fr.assurancemaladie.rgpd.rights.request;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicates and repetition (art. 12(5)) through the API: flagged in the request and the queue, never refused
 * automatically; the DPO's review is a step with its decision, in the audit trail. A person no other test uses.
 */
@QuarkusTest
@TestProfile(RequestApiTest.Thursday26November.class)
public class DuplicateApiTest {

    static final String NIR = "179027505612442";
    static final String CITIZEN = TestTokens.citizen("citoyen.repetitif", NIR, "CPAM-75");
    static final String DPO_PARIS = TestTokens.dpo("dpo.paris", "CPAM-75");

    @BeforeEach
    void register() {
        RequestApiTest.projectTestRegister();
    }

    static JsonPath submit(Map<String, Object> body) {
        return given().auth().oauth2(CITIZEN).contentType(ContentType.JSON).body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().jsonPath();
    }

    static Map<String, Object> queueItem(String id) {
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(DPO_PARIS).queryParam("size", 100)
                    .queryParam("cursor", cursor == null ? new Object[0] : new Object[] {cursor})
                    .get("/api/v1/queues/CPAM-75/requests").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                if (id.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("not in the queue: " + id);
    }

    @Test
    void aSecondAndAThirdRequestAreLinkedAndFlaggedNeverRefused() {
        String first = submit(Map.of("type", "ACCESS", "ficheNumber", 1)).getString("id");
        JsonPath again = submit(Map.of("type", "ACCESS", "ficheNumber", 1));
        JsonPath third = submit(Map.of("type", "ACCESS", "domainCode", "01")); // fiches 1 and 2: overlapping
        JsonPath other = submit(Map.of("type", "RECTIFICATION", "ficheNumber", 1, "rectification", "Mon prénom"));

        // the first one, and another right: no flag
        assertNull(given().auth().oauth2(CITIZEN).get("/api/v1/requests/" + first).jsonPath().get("flags"));
        assertNull(other.get("flags"));
        // the second: a duplicate of the first, still open; not yet repetitive (one similar request before it)
        assertEquals(first, again.getString("flags.duplicateOf"));
        assertEquals(1, again.getInt("flags.earlierSimilar"));
        assertFalse(again.getBoolean("flags.repetitive"));
        // the third: two similar requests within six months: repetitive (the default: from 2)
        assertEquals(first, third.getString("flags.duplicateOf"));
        assertEquals(2, third.getInt("flags.earlierSimilar"));
        assertTrue(third.getBoolean("flags.repetitive"));
        assertEquals("RECEIVED", third.getString("status"), "a flag, never an automatic refusal");

        // the queue shows it, and the DPO is offered the review
        Map<String, Object> item = queueItem(third.getString("id"));
        assertEquals(first, item.get("duplicateOf"));
        assertEquals(true, item.get("repetitive"));
        assertEquals(true, item.get("flagsToReview"));
        assertEquals(false, queueItem(first).get("flagsToReview"));
        JsonPath seen = given().auth().oauth2(DPO_PARIS).get("/api/v1/requests/" + third.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertTrue(seen.getList("actions").contains("REVIEW_FLAGS"), seen.getList("actions").toString());

        // the DPO decides, with a decision that is kept
        String id = third.getString("id");
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(Map.of("action", "REVIEW_FLAGS"))
                .post("/api/v1/requests/" + id + "/actions").then().statusCode(400).contentType("application/problem+json");
        JsonPath reviewed = given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body(Map.of("action", "REVIEW_FLAGS", "reason", "Traitée avec la demande " + first + " : une seule réponse."))
                .post("/api/v1/requests/" + id + "/actions").then().statusCode(200).extract().jsonPath();
        assertTrue(reviewed.getBoolean("flags.reviewed"));
        assertEquals("dpo.paris", reviewed.getString("flags.reviewedBy"));
        assertFalse(reviewed.getList("actions").contains("REVIEW_FLAGS"));
        assertEquals(false, queueItem(id).get("flagsToReview"));
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body(Map.of("action", "REVIEW_FLAGS", "reason", "Encore")).post("/api/v1/requests/" + id + "/actions")
                .then().statusCode(409);
        // a request without a flag has nothing to review
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body(Map.of("action", "REVIEW_FLAGS", "reason", "Rien")).post("/api/v1/requests/" + first + "/actions")
                .then().statusCode(409);

        // the audit trail has the flag at submission and the decision
        List<Map<String, Object>> audit = given().auth().oauth2(DPO_PARIS).queryParam("requestId", id)
                .get("/api/v1/caisses/CPAM-75/audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(audit.stream().anyMatch(a -> "REVIEW_FLAGS".equals(a.get("action"))
                && String.valueOf(a.get("detail")).contains("une seule réponse")), audit.toString());
        assertTrue(audit.stream().anyMatch(a -> "SUBMIT".equals(a.get("action"))
                && String.valueOf(a.get("detail")).contains("doublon de la demande " + first)), audit.toString());
    }
}
