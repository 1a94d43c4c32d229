package fr.assurancemaladie.rgpd.rights.caisse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caisse directory: public, complete, edited by admins only. */
@QuarkusTest
class CaisseApiTest {

    @Test
    void everyDepartementHasItsCaisseAndTheNationalOnesAreThere() {
        JsonPath all = given().when().get("/api/v1/caisses").then().statusCode(200).extract().jsonPath();
        List<String> codes = all.getList("code");
        assertTrue(codes.containsAll(List.of("CPAM-75", "CPAM-57", "CPAM-2A", "CPAM-2B", "CGSS-971", "CGSS-972",
                "CGSS-973", "CGSS-974", "CSS-976", "CNMSS", "CNAM")), codes.toString());
        assertTrue(codes.containsAll(List.of("CPAM-59-FLANDRES", "CPAM-59-HAINAUT", "CPAM-59-LILLE-DOUAI",
                "CPAM-59-ROUBAIX-TOURCOING")), "the Nord has several CPAMs");
        Set<String> departements = new HashSet<>(all.getList("departement"));
        for (int d = 1; d <= 95; d++) {
            if (d != 20) {
                assertTrue(departements.contains(String.format("%02d", d)), "a caisse in " + d);
            }
        }
        assertTrue(departements.containsAll(List.of("2A", "2B", "971", "972", "973", "974", "976")));
        assertEquals(codes.size(), new HashSet<>(codes).size(), "codes are unique");
        assertEquals("Caisse primaire d'assurance maladie de Paris", all.getString("find { it.code == 'CPAM-75' }.name"));
        assertEquals("Caisse primaire d'assurance maladie de la Moselle", all.getString("find { it.code == 'CPAM-57' }.name"));
        assertEquals("NATIONAL", all.getString("find { it.code == 'CNAM' }.scope"));
    }

    @Test
    void oneCaisseWithItsDpoContact() {
        given().when().get("/api/v1/caisses/cgss-972").then().statusCode(200)
                .body("code", equalTo("CGSS-972"))
                .body("departement", equalTo("972"))
                .body("name", equalTo("Caisse générale de sécurité sociale de la Martinique"))
                .body("dpo.email", org.hamcrest.Matchers.notNullValue());
        given().when().get("/api/v1/caisses/CPAM-20").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminEditsTheDpoContact() {
        Map<String, Object> contact = Map.of("email", "dpo@cpam-paris.fr",
                "postalAddress", "CPAM de Paris, Délégué à la protection des données, 75948 Paris Cedex 19",
                "phone", "+33 1 00 00 00 00");
        given().contentType(ContentType.JSON).body(contact).when().put("/api/v1/caisses/CPAM-75/dpo-contact").then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.dpo("dpo.paris", "CPAM-75")).contentType(ContentType.JSON).body(contact)
                .when().put("/api/v1/caisses/CPAM-75/dpo-contact").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("admin", "admin")).contentType(ContentType.JSON).body(contact)
                .when().put("/api/v1/caisses/CPAM-75/dpo-contact").then().statusCode(200)
                .body("dpo.email", equalTo("dpo@cpam-paris.fr"));
        given().when().get("/api/v1/caisses/CPAM-75").then().body("dpo.postalAddress", equalTo(contact.get("postalAddress")));
    }

    @Test
    void anInvalidContactIsRefusedAndChangesNothing() {
        String before = given().when().get("/api/v1/caisses/CPAM-57").then().extract().path("dpo.email");
        given().auth().oauth2(TestTokens.withRoles("admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("email", "pas-une-adresse", "postalAddress", "court"))
                .when().put("/api/v1/caisses/CPAM-57/dpo-contact").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().when().get("/api/v1/caisses/CPAM-57").then().body("dpo.email", equalTo(before));
        given().auth().oauth2(TestTokens.withRoles("admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("email", "dpo@x.fr", "postalAddress", "Une adresse complète, 57000 Metz"))
                .when().put("/api/v1/caisses/CPAM-99/dpo-contact").then().statusCode(404);
    }
}
