package fr.assurancemaladie.rgpd.register.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** POST /api/v1/imports with the official document, changed documents and bad ones. */
@QuarkusTest
class ImportApiTest {

    static final String EDITOR = TestTokens.withRoles("editeur", "register-editor");

    @Test
    void aDryRunReturnsTheParsedFichesAndTheReportWithoutSaving() {
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(SeedDocument.TEXT)
                .when().post("/api/v1/imports?dryRun=true").then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("fichesFound", equalTo(87))
                .body("fiches.size()", equalTo(87))
                .body("fiches[40].number", equalTo(41))
                .body("fiches[0].retentionRules[0].duration", equalTo("P3Y"))
                .body("report.numbers", equalTo("1-87"))
                .body("report.anomalies.kind", hasItems("MISSING_HEADING", "MISSING_TITLE", "MISPLACED_LABEL", "EMPTY_CELL"))
                .body("report.anomalies.size()", greaterThan(20))
                .body("documentSha256", notNullValue());
    }

    @Test
    void reImportingTheSameDocumentChangesNothingAndAChangedFicheBecomesADraft() {
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(SeedDocument.TEXT)
                .when().post("/api/v1/imports").then()
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("fichesFound", equalTo(87))
                .body("published", equalTo(0))
                .body("drafted", equalTo(0))
                .body("unchanged", equalTo(87))
                .body("importId", notNullValue());

        String changed = SeedDocument.TEXT.replace("## Gestion de la trésorerie", "## Gestion de la trésorerie et des placements");
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(changed)
                .when().post("/api/v1/imports").then()
                .statusCode(200)
                .body("drafted", equalTo(1))
                .body("unchanged", equalTo(86))
                .body("written.find { it.outcome == 'DRAFTED' }.number", equalTo(69));
        given().when().get("/api/v1/fiches/69").then().statusCode(200).body("title", equalTo("Gestion de la trésorerie"));
        given().auth().oauth2(EDITOR).when().get("/api/v1/fiches?status=DRAFT&size=100").then().statusCode(200)
                .body("items.find { it.number == 69 }.title", equalTo("Gestion de la trésorerie et des placements"));
        // importing the changed document again changes nothing more
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(changed)
                .when().post("/api/v1/imports").then().statusCode(200).body("drafted", equalTo(0)).body("unchanged", equalTo(87));
    }

    @Test
    void aFicheNewToTheRegisterIsADraftForAnAdminToPublishAndAnEditorsDraftIsNeverOverwritten() {
        String page88 = "\n# 16 | MOYENS GÉNÉRAUX – Fiche 88\n\n## Gestion des badges visiteurs\n\n"
                + "Sous-finalités\tFondements juridiques\n"
                + "<ul><li>Délivrer les badges</li></ul>\t<ul><li>Article 6-1-f du RGPD : intérêt légitime</li></ul>\n"
                + "Durée de conservation\tDroits des personnes concernées\n"
                + "<ul><li>3 mois après leur collecte</li></ul>\t<ul><li>Les droits d'accès et de rectification s'exercent auprès du DPO.</li></ul>\n";
        // an editor's draft of fiche 70 is pending
        java.util.Map<String, Object> f70 = given().when().get("/api/v1/fiches/70").then().extract().jsonPath().getMap("");
        f70.put("title", f70.get("title") + " — brouillon de l'éditeur");
        given().auth().oauth2(EDITOR).contentType("application/json").body(f70).when().put("/api/v1/fiches/70").then()
                .statusCode(201);
        String document = SeedDocument.TEXT.replace("Relevés de compte à conserver 5 ans", "Relevés de compte à conserver 6 ans")
                + page88;
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(document)
                .when().post("/api/v1/imports").then()
                .statusCode(200)
                .body("published", equalTo(0))
                .body("written.find { it.number == 88 }.outcome", equalTo("DRAFTED"))
                .body("written.find { it.number == 70 }.outcome", equalTo("KEPT_EDITOR_DRAFT"))
                .body("written.find { it.number == 69 }.outcome", equalTo("DRAFTED"));
        given().when().get("/api/v1/fiches/88").then().statusCode(404);
        given().auth().oauth2(EDITOR).when().get("/api/v1/fiches/70/versions").then().statusCode(200)
                .body("find { it.status == 'DRAFT' }.origin", equalTo("EDIT"));
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIsRefused() {
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(SeedDocument.TEXT)
                .when().post("/api/v1/imports?dryRun=yes").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aDocumentWithAnInvalidFicheIsRefusedWhole() {
        String bad = "# 01 | GESTION DES DROITS – Fiche 0\n\n## Zéro\n\nSous-finalités\tFondements juridiques\n"
                + "<ul><li>x</li></ul>\t<ul><li>Article 6-1-c du RGPD</li></ul>\n";
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(bad)
                .when().post("/api/v1/imports").then().statusCode(400)
                .body("violations[0].message", containsString("Fiche 0"));
        String twice = SeedDocument.TEXT + "\n# 16 | MOYENS GÉNÉRAUX – Fiche 3\n\n## Doublon\n\nSous-finalités\tFondements juridiques\n"
                + "<ul><li>x</li></ul>\t<ul><li>Article 6-1-c du RGPD</li></ul>\n";
        given().auth().oauth2(EDITOR).contentType("text/plain; charset=UTF-8").body(twice)
                .when().post("/api/v1/imports?dryRun=true").then().statusCode(400)
                .body("violations.message", org.hamcrest.Matchers.hasItem(containsString("plusieurs fois")));
    }

    @Test
    void importingNeedsTheEditorOrAdminRole() {
        given().contentType("text/plain").body(SeedDocument.TEXT).when().post("/api/v1/imports?dryRun=true").then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.dpo("dpo.paris", "CPAM-75")).contentType("text/plain").body(SeedDocument.TEXT)
                .when().post("/api/v1/imports?dryRun=true").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("admin", "admin")).contentType("text/plain").body("# Rien\n")
                .when().post("/api/v1/imports?dryRun=true").then().statusCode(400);
    }

    @Test
    void aDocumentWithoutFichesOrEmptyIsA400AndWritesNothing() {
        given().auth().oauth2(EDITOR).contentType("text/plain").body("Ceci n'est pas un registre.")
                .when().post("/api/v1/imports").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Aucune fiche"));
        given().auth().oauth2(EDITOR).contentType("text/plain").body("")
                .when().post("/api/v1/imports").then().statusCode(400);
        given().when().get("/api/v1/fiches?size=1").then().body("totalItems", equalTo(87));
    }
}
