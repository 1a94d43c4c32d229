package fr.assurancemaladie.rgpd.register.fiche;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the seeded register over HTTP, without a token. */
@QuarkusTest
class FicheReadApiTest {

    @Test
    void aFicheIsPublicAndCarriesTheContractFields() {
        given().when().get("/api/v1/fiches/1").then()
                .statusCode(200)
                .contentType("application/json")
                .body("number", equalTo(1))
                .body("domainCode", equalTo("01"))
                .body("domain", equalTo("GESTION DES DROITS"))
                .body("title", equalTo("Gérer les immatriculations et les affiliations"))
                .body("subPurposes.size()", greaterThan(0))
                .body("legalBases[0].gdprArticle", equalTo("6-1-c"))
                .body("legalBases[0].text", startsWith("Article 6-1-c du RGPD"))
                .body("gdprArticles", equalTo(List.of("6-1-c")))
                .body("dataSubjectCategories.size()", greaterThan(0))
                .body("dataTypes.size()", greaterThan(0))
                .body("recipients.size()", greaterThan(0))
                .body("accessors.size()", greaterThan(0))
                .body("retentionRules[0].text", equalTo("3 ans après la fin de validité des droits"))
                .body("retentionRules[0].duration", equalTo("P3Y"))
                .body("retentionRules[0].trigger", equalTo("RIGHTS_END"))
                .body("retentionRules[0].fate", equalTo("DESTRUCTION"))
                .body("retentionRules[0].untilFinalDecisionIfLitigation", equalTo(false))
                .body("retentionRules[0].scope", nullValue())
                .body("retentionRules[0].status", equalTo("STRUCTURED"))
                .body("rightsText.size()", greaterThan(0))
                .body("rights.objection.stated", equalTo(false))
                .body("rights.objection.applies", equalTo(false))
                .body("rights.objection.reason", containsString("« Obligation légale »"))
                .body("rights.limitation.applies", equalTo(true))
                .body("rights.access.applies", equalTo(true))
                .body("rights.erasure.applies", equalTo(false))
                .body("rights.portability.applies", equalTo(false))
                .body("rights", hasKey("rectification"))
                .body("objectionExclusionReason", equalTo("Obligation légale"))
                .body("securityMeasures.size()", greaterThan(0))
                .body("version", equalTo(1))
                .body("status", equalTo("PUBLISHED"))
                .body("updatedAt", notNullValue())
                .body("updatedBy", equalTo("import"));
    }

    @Test
    void aFicheCarriesAnEntityTagAndAnswers304WhenUnchanged() {
        String etag = given().when().get("/api/v1/fiches/2").then().statusCode(200).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertEquals("\"2-1\"", etag);
        given().header("If-None-Match", etag).when().get("/api/v1/fiches/2").then().statusCode(304);
        given().header("If-None-Match", "\"2-0\"").when().get("/api/v1/fiches/2").then().statusCode(200);
    }

    @Test
    void aFicheWithoutTitleHasANullTitle() {
        given().when().get("/api/v1/fiches/83").then().statusCode(200).body("title", nullValue())
                .body("domainCode", equalTo("15"));
    }

    @Test
    void anUnknownFicheIsA404Problem() {
        given().when().get("/api/v1/fiches/999").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("n°999"));
        given().when().get("/api/v1/fiches/abc").then().statusCode(404);
    }

    @Test
    void theRegisterListsEightySevenPublishedFichesPaged() {
        JsonPath first = given().when().get("/api/v1/fiches?size=50").then().statusCode(200)
                .body("totalItems", equalTo(87)).body("items.size()", equalTo(50)).body("page", equalTo(0))
                .body("items[0].number", equalTo(1)).body("items[0].domain", equalTo("GESTION DES DROITS"))
                .body("items[0].gdprArticles", equalTo(List.of("6-1-c")))
                .extract().jsonPath();
        given().when().get("/api/v1/fiches?size=50&page=1").then().statusCode(200)
                .body("items.size()", equalTo(37)).body("items[36].number", equalTo(87));
        org.junit.jupiter.api.Assertions.assertEquals(50, first.getList("items").size());
    }

    @Test
    void filtersByDomainArticleRightAndTrigger() {
        given().when().get("/api/v1/fiches?domain=15&size=100").then().statusCode(200)
                .body("items.domainCode", everyItem(equalTo("15")))
                .body("items.number", hasItems(75, 82, 83));
        given().when().get("/api/v1/fiches?domain=1").then().statusCode(200)
                .body("totalItems", equalTo(9));
        given().when().get("/api/v1/fiches?gdprArticle=6-1-b&size=100").then().statusCode(200)
                .body("items.number", hasItem(75))
                .body("items.gdprArticles", everyItem(hasItem("6-1-b")));
        given().when().get("/api/v1/fiches?right=objection&applies=true&size=100").then().statusCode(200)
                .body("items.number", hasItem(25))
                .body("items.number", not(hasItem(1)));
        given().when().get("/api/v1/fiches?right=objection&applies=false&size=100").then().statusCode(200)
                .body("items.number", hasItem(1));
        given().when().get("/api/v1/fiches?trigger=DEATH&size=100").then().statusCode(200)
                .body("items.number", hasItems(4, 19))
                .body("items.number", not(hasItem(1)));
    }

    @Test
    void fullTextSearchInFrench() {
        given().when().get("/api/v1/fiches?q=vidéosurveillance").then().statusCode(200)
                .body("items.number", hasItem(86));
        // French stemming: "vaccins" finds "vaccination"
        given().when().get("/api/v1/fiches?q=vaccinations").then().statusCode(200)
                .body("items[0].number", equalTo(59));
        given().when().get("/api/v1/fiches?q=xyzzyplugh").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void invalidFiltersAreClear400s() {
        for (String query : List.of("right=objection", "right=voler&applies=true", "right=access&applies=peut-être",
                "trigger=NEVER", "gdprArticle=99", "domain=abc", "size=0", "size=1000", "page=-1", "status=LOST")) {
            given().when().get("/api/v1/fiches?" + query).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", notNullValue());
        }
    }

    @Test
    void draftsListedOnlyForEditors() {
        given().when().get("/api/v1/fiches?status=DRAFT").then().statusCode(401);
        given().auth().oauth2(fr.assurancemaladie.rgpd.testing.TestTokens.citizen("citoyen.paris",
                "185057505612388", "CPAM-75")).when().get("/api/v1/fiches?status=DRAFT").then().statusCode(403);
        given().auth().oauth2(fr.assurancemaladie.rgpd.testing.TestTokens.withRoles("editeur", "register-editor"))
                .when().get("/api/v1/fiches?status=DRAFT").then().statusCode(200);
    }
}
