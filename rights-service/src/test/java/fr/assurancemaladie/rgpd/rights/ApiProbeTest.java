package fr.assurancemaladie.rgpd.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.testing.ApiProbe;
import fr.assurancemaladie.rgpd.testing.LogCapture;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's OpenAPI document, for every kind of caller, fed bad input in every parameter
 * and every body field ({@link ApiProbe}): never a 5xx, always a problem+json, never bad input accepted, never a
 * forged log line. In its own Quarkus boot (its own database), since a few probes are legitimately accepted.
 */
@QuarkusTest
@TestProfile(ApiProbeTest.OwnDatabase.class)
class ApiProbeTest {

    /** A profile of its own: a fresh database, so the probe's accepted requests touch no other test's data. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void badInputOfEveryKindGetsAProblemNeverAServerErrorNorAForgedLogLine() throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("citizen", TestTokens.citizen("citoyen.paris", "185057505612388", "CPAM-75"));
        callers.put("dpo", TestTokens.dpo("dpo.paris", "CPAM-75"));
        callers.put("admin", TestTokens.withRoles("admin", "admin"));
        fr.assurancemaladie.rgpd.rights.request.RequestApiTest.projectTestRegister();
        String citizen = callers.get("citizen");
        String requestId = io.restassured.RestAssured.given().auth().oauth2(citizen)
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"ficheNumber\":1,\"message\":\"Bonjour\"}")
                .when().post("/api/v1/requests").then().statusCode(201).extract().path("id");
        ApiProbe probe = new ApiProbe(base.toURI(), callers)
                .seed("POST", "/api/v1/requests", Map.of(),
                        "{\"type\":\"ACCESS\",\"ficheNumber\":1,\"message\":\"Bonjour\",\"rectification\":null}")
                .seed("POST", "/api/v1/requests/{id}/actions", Map.of("path:id", requestId),
                        "{\"action\":\"ASSIGN\",\"reason\":\"agent.paris\"}")
                .seed("GET", "/api/v1/requests/{id}", Map.of("path:id", requestId), null)
                .seed("PUT", "/api/v1/caisses/{code}/dpo-contact", Map.of("path:code", "CPAM-75"),
                        "{\"email\":\"dpo@cpam75.example\",\"postalAddress\":\"1 rue de Paris, 75001 Paris\","
                                + "\"phone\":\"01 02 03 04 05\"}");
        try (LogCapture logs = new LogCapture()) {
            // the capture sees a forged line when one is written (else the check below could never fail)
            org.jboss.logging.Logger.getLogger(ApiProbeTest.class).infof("capture check: %s", "x" + ApiProbe.FORGED_LINE);
            assertTrue(logs.lines().stream().anyMatch(l -> l.message().contains(ApiProbe.FORGED_LINE)),
                    "the log capture works");
            ApiProbe.Report report = probe.run();
            assertEquals(List.of(), report.findings(), report.findings().size() + " findings in "
                    + report.requests() + " requests");
            assertTrue(report.requests() > 500, "the probe covered the API: " + report.requests() + " requests");
            List<LogCapture.Line> forged = logs.lines().stream()
                    .filter(l -> l.message().contains(ApiProbe.FORGED_LINE) && !l.message().startsWith("capture check"))
                    .toList();
            assertEquals(List.of(), forged, "no input reaches a log line raw");
            List<LogCapture.Line> errors = logs.lines().stream().filter(l -> l.atLeast(Level.SEVERE)).toList();
            assertEquals(List.of(), errors, "bad input is the caller's error, never the service's");
        }
    }
}
