package fr.assurancemaladie.rgpd.register.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The four export formats, public. */
@QuarkusTest
class ExportApiTest {

    @Test
    void jsonIsTheListOfPublishedFiches() {
        given().when().get("/api/v1/register/export?format=json").then()
                .statusCode(200).contentType("application/json")
                .body("size()", equalTo(87)).body("[0].number", equalTo(1)).body("[86].number", equalTo(87))
                .body("[0].rights.objection.applies", equalTo(false));
        given().when().get("/api/v1/register/export").then().statusCode(200).body("size()", equalTo(87));
    }

    @Test
    void csvHasAHeaderAndOneRecordPerFiche() {
        String csv = given().when().get("/api/v1/register/export?format=csv").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFFnumber,version,domainCode,domain,title,"), "UTF-8 BOM then the header");
        assertEquals(88, RegisterExportTest.csvRecords(csv).size(), "header + 87 fiches");
        assertTrue(csv.contains("\r\n1,"), "fiche 1 line");
    }

    @Test
    void markdownAndPrintableHtml() {
        given().when().get("/api/v1/register/export?format=md").then()
                .statusCode(200).contentType(startsWith("text/markdown"))
                .body(containsString("### Fiche 1 — Gérer les immatriculations et les affiliations"));
        String html = given().when().get("/api/v1/register/export?format=html").then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("<h2>Sommaire</h2>"));
        assertTrue(html.contains("<a href=\"#fiche-87\">"), "table of contents links every fiche");
        assertEquals(87, html.split("<section class=\"fiche\"", -1).length - 1, "one section per fiche");
        assertTrue(html.contains("@media print"));
    }

    @Test
    void anUnknownFormatIsA400() {
        given().when().get("/api/v1/register/export?format=pdf").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("pdf"));
    }
}
