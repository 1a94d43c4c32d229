package fr.assurancemaladie.rgpd.register.fiche;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drafts, publication, history and diff, with the roles each needs. */
@QuarkusTest
class FicheVersioningApiTest {

    static final String EDITOR = TestTokens.withRoles("editeur", "register-editor");
    static final String ADMIN = TestTokens.withRoles("admin", "admin");
    static final String CITIZEN = TestTokens.citizen("citoyen.paris", "185057505612388", "CPAM-75");
    static final String DPO_PARIS = TestTokens.dpo("dpo.paris", "CPAM-75");
    static final String DPO_NATIONAL = TestTokens.dpo("dpo.cnam", "CNAM");

    @Test
    void anEditorCorrectsARuleAndAnAdminPublishesIt() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/86").then().statusCode(200)
                .extract().jsonPath().getMap("");
        int published = (Integer) fiche.get("version");

        // the editor structures the first rule (video surveillance, 1 month) and adds a recipient
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) fiche.get("retentionRules");
        Map<String, Object> rule = new java.util.HashMap<>(rules.get(0));
        rule.put("duration", "P30D");
        rule.put("trigger", "COLLECTION");
        rule.put("status", "STRUCTURED");
        rules.set(0, rule);
        @SuppressWarnings("unchecked")
        List<String> recipients = new java.util.ArrayList<>((List<String>) fiche.get("recipients"));
        recipients.add("Autorités judiciaires sur réquisition");
        fiche.put("recipients", recipients);

        JsonPath draft = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(fiche)
                .when().put("/api/v1/fiches/86").then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(published + 1))
                .body("updatedBy", equalTo("editeur"))
                .body("retentionRules[0].duration", equalTo("P30D"))
                .body("retentionRules[0].status", equalTo("STRUCTURED"))
                .extract().jsonPath();
        int draftVersion = draft.getInt("version");

        // the same content again writes nothing
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(fiche)
                .when().put("/api/v1/fiches/86").then().statusCode(200).body("version", equalTo(draftVersion));

        // the public still reads the published version; the draft is hidden from the public history
        given().when().get("/api/v1/fiches/86").then().statusCode(200).body("version", equalTo(published));
        given().when().get("/api/v1/fiches/86/versions").then().statusCode(200)
                .body("version", not(hasItem(draftVersion)));
        given().when().get("/api/v1/fiches/86/versions/" + draftVersion).then().statusCode(401);
        given().auth().oauth2(EDITOR).when().get("/api/v1/fiches/86/versions").then().statusCode(200)
                .body("version", hasItem(draftVersion))
                .body("find { it.version == " + draftVersion + " }.changedFields", hasItems("recipients", "retentionRules"));

        // who may publish
        given().when().post("/api/v1/fiches/86/publish").then().statusCode(401);
        given().auth().oauth2(EDITOR).when().post("/api/v1/fiches/86/publish").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(DPO_PARIS).when().post("/api/v1/fiches/86/publish").then().statusCode(403);
        given().auth().oauth2(ADMIN).when().post("/api/v1/fiches/86/publish").then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("version", equalTo(draftVersion));
        given().auth().oauth2(ADMIN).when().post("/api/v1/fiches/86/publish").then().statusCode(409)
                .body("detail", containsString("brouillon"));

        given().when().get("/api/v1/fiches/86").then().statusCode(200)
                .body("version", equalTo(draftVersion))
                .body("recipients", hasItem("Autorités judiciaires sur réquisition"));
        given().when().get("/api/v1/fiches/86/versions").then().statusCode(200)
                .body("find { it.version == " + published + " }.status", equalTo("SUPERSEDED"))
                .body("find { it.version == " + draftVersion + " }.publishedBy", equalTo("admin"));

        // the diff says what changed, and nothing else
        JsonPath diff = given().when().get("/api/v1/fiches/86/diff?from=" + published + "&to=" + draftVersion).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("recipients", "retentionRules"), diff.getList("changes.field").stream().sorted().toList());
        assertEquals(List.of("Autorités judiciaires sur réquisition"), diff.getList("changes.find { it.field == 'recipients' }.added"));
        given().when().get("/api/v1/fiches/86/diff").then().statusCode(200)
                .body("from", equalTo(published)).body("to", equalTo(draftVersion));
    }

    @Test
    void theNationalDpoMayPublish() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/87").then().statusCode(200)
                .extract().jsonPath().getMap("");
        fiche.put("title", fiche.get("title") + " (révisé)");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/87").then()
                .statusCode(201);
        given().auth().oauth2(DPO_NATIONAL).when().post("/api/v1/fiches/87/publish").then().statusCode(200)
                .body("title", containsString("(révisé)"))
                .body("updatedBy", equalTo("admin"));
    }

    @Test
    void writingNeedsTheEditorOrAdminRole() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/85").then().extract().jsonPath().getMap("");
        given().contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/85").then().statusCode(401);
        given().auth().oauth2(CITIZEN).contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/85").then()
                .statusCode(403);
        given().auth().oauth2(DPO_NATIONAL).contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/85")
                .then().statusCode(403);
        given().auth().oauth2(CITIZEN).when().get("/api/v1/drafts").then().statusCode(403);
    }

    @Test
    void anEditedRuleGivenAsTextIsStructuredAndRightsAreRecomputed() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/84").then().extract().jsonPath().getMap("");
        fiche.put("retentionRules", List.of(Map.of("text", "5 ans après le départ de l'agent")));
        fiche.put("objectionExclusionReason", null);
        fiche.put("rights", null);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/84").then()
                .statusCode(201)
                .body("retentionRules[0].duration", equalTo("P5Y"))
                .body("retentionRules[0].trigger", equalTo("EMPLOYEE_DEPARTURE"))
                .body("retentionRules[0].status", equalTo("STRUCTURED"))
                .body("gdprArticles", equalTo(List.of("6-1-c", "6-1-f")))
                .body("rights.objection.stated", equalTo(null))
                .body("rights.objection.applies", equalTo(true))
                .body("rights.objection.reason", containsString("l'intérêt légitime (article 6-1-f du RGPD)"));
    }

    @Test
    void invalidFichesAreRefusedWithTheFieldsAtFault() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/83").then().extract().jsonPath().getMap("");
        fiche.put("domainCode", "1");
        fiche.put("retentionRules", List.of(Map.of("text", "trois ans", "duration", "3 ans", "status", "STRUCTURED")));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/83").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("domainCode", "retentionRules[0].duration", "retentionRules[0].status"));
        fiche.put("domainCode", "15");
        fiche.put("retentionRules", List.of(Map.of("text", "x", "trigger", "NEVER")));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(fiche).when().put("/api/v1/fiches/83").then()
                .statusCode(400);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(Map.of("number", 82)).when()
                .put("/api/v1/fiches/83").then().statusCode(400).body("detail", containsString("ne correspond pas"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("{not json").when()
                .put("/api/v1/fiches/83").then().statusCode(400);
        // nothing was written
        given().auth().oauth2(EDITOR).when().get("/api/v1/fiches/83/versions").then().statusCode(200)
                .body("status", not(hasItem("DRAFT")));
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefused() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/82").then().statusCode(200)
                .extract().jsonPath().getMap("");
        String etag = given().when().get("/api/v1/fiches/82").then().extract().header("ETag");
        fiche.put("title", "Titre corrigé par l'éditeur A");
        given().auth().oauth2(EDITOR).header("If-Match", etag).contentType(ContentType.JSON).body(fiche)
                .when().put("/api/v1/fiches/82").then().statusCode(201);
        fiche.put("title", "Titre corrigé par l'éditeur B, qui n'a pas vu A");
        given().auth().oauth2(EDITOR).header("If-Match", etag).contentType(ContentType.JSON).body(fiche)
                .when().put("/api/v1/fiches/82").then().statusCode(412)
                .contentType("application/problem+json").body("detail", containsString("a changé"));
    }

    @Test
    void draftsAreHiddenFromThePublicButReadableByTheNationalDpo() {
        Map<String, Object> fiche = given().when().get("/api/v1/fiches/81").then().extract().jsonPath().getMap("");
        fiche.put("title", fiche.get("title") + " (projet)");
        int draft = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(fiche).when()
                .put("/api/v1/fiches/81").then().statusCode(201).extract().jsonPath().getInt("version");
        given().when().get("/api/v1/fiches/81/versions/" + draft).then().statusCode(401);
        given().auth().oauth2(CITIZEN).when().get("/api/v1/fiches/81/versions/" + draft).then().statusCode(403);
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/fiches/81/diff?to=" + draft).then().statusCode(403);
        given().auth().oauth2(DPO_NATIONAL).when().get("/api/v1/fiches/81/diff?to=" + draft).then().statusCode(200)
                .body("changes.field", hasItem("title"));
        given().auth().oauth2(DPO_NATIONAL).when().get("/api/v1/fiches?status=DRAFT&size=100").then().statusCode(200)
                .body("items.number", hasItem(81));
    }

    @Test
    void badNumbersAreClear400sAndAnUnknownFicheCannotBePublished() {
        given().when().get("/api/v1/fiches?page=abc").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/fiches/1/diff?from=x&to=1").then().statusCode(400);
        given().auth().oauth2(ADMIN).when().post("/api/v1/fiches/4444/publish").then().statusCode(404);
        given().auth().oauth2(EDITOR).header("If-Match", "\"n'importe quoi\"").contentType(ContentType.JSON)
                .body(Map.of("domainCode", "16")).when().put("/api/v1/fiches/80").then().statusCode(400);
    }

    @Test
    void historyOfAnUnknownFicheIsA404() {
        given().when().get("/api/v1/fiches/4321/versions").then().statusCode(404);
        given().when().get("/api/v1/fiches/1/versions/99").then().statusCode(404);
        given().when().get("/api/v1/fiches/1/diff").then().statusCode(400);
        given().when().get("/api/v1/fiches/1/versions").then().statusCode(200)
                .body("[0].origin", equalTo("IMPORT")).body("[0].changedFields", not(empty()));
    }
}
