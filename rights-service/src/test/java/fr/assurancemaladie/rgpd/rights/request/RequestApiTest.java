package fr.assurancemaladie.rgpd.rights.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import fr.assurancemaladie.rgpd.projection.ProjectedFiche;
import fr.assurancemaladie.rgpd.rights.audit.AuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Submitting, reading and working requests, with real tokens, PostgreSQL and Kafka. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(RequestApiTest.Thursday26November.class)
public class RequestApiTest {

    static final String NIR_PARIS = "185057505612388";
    static final String NIR_METZ = "290035746304546";
    static final String CITIZEN_PARIS = TestTokens.citizen("citoyen.paris", NIR_PARIS, "CPAM-75");
    static final String CITIZEN_METZ = TestTokens.citizen("citoyen.metz", NIR_METZ, "CPAM-57");
    static final String DPO_PARIS = TestTokens.dpo("dpo.paris", "CPAM-75");
    static final String DPO_METZ = TestTokens.dpo("dpo.metz", "CPAM-57");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The projection holds what register.fiches carried: three fiches with the register's decisions. */
    @BeforeEach
    void register() {
        projectTestRegister();
    }

    /** Fiches 1, 2 and 37 in the projection, as register.fiches would have carried them. */
    public static void projectTestRegister() {
        QuarkusTransaction.requiringNew().run(() -> {
            project(1, "01", "Gérer les immatriculations et les affiliations", false,
                    "Le droit d'opposition (article 21 du RGPD) ne s'applique pas à ce traitement. Justification donnée par le registre : « Obligation légale ».");
            project(2, "01", "Ouvrir, instruire et gérer les droits en maladie, maternité et paternité", false,
                    "Le droit d'opposition ne s'applique pas : « Obligation légale ».");
            project(37, "05", "Compte assuré ameli", true, "Vous pouvez vous opposer à ce traitement.");
        });
    }

    static void project(int number, String domain, String title, boolean objection, String objectionReason) {
        ProjectedFiche f = ProjectedFiche.findById(number);
        if (f == null) {
            f = new ProjectedFiche();
            f.number = number;
        }
        f.version = 1;
        f.status = ProjectedFiche.Status.PUBLISHED;
        f.title = title;
        f.eventId = "test-" + number;
        f.receivedAt = Instant.now();
        f.payload = "{\"number\":" + number + ",\"version\":1,\"domainCode\":\"" + domain + "\",\"title\":\"" + title + "\","
                + "\"recipients\":[\"Les bénéficiaires eux-mêmes\"],\"rights\":{"
                + "\"access\":{\"stated\":true,\"applies\":true,\"reason\":\"Vous pouvez obtenir la communication des données.\"},"
                + "\"rectification\":{\"stated\":true,\"applies\":true,\"reason\":\"Vous pouvez faire corriger vos données.\"},"
                + "\"erasure\":{\"stated\":null,\"applies\":false,\"reason\":\"Le droit à l'effacement ne s'applique pas.\"},"
                + "\"limitation\":{\"stated\":null,\"applies\":true,\"reason\":\"Vous pouvez demander la limitation.\"},"
                + "\"objection\":{\"stated\":" + objection + ",\"applies\":" + objection + ",\"reason\":\"" + objectionReason.replace("\"", "\\\"") + "\"},"
                + "\"portability\":{\"stated\":null,\"applies\":false,\"reason\":\"La portabilité ne s'applique pas.\"}}}";
        f.persist();
    }

    private static JsonPath submit(String token, Map<String, Object> body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests").then().statusCode(status).extract().jsonPath();
    }

    /** The service's clock stands still on Thursday 26 November 2026: the expected dates below are written by hand. */
    public static class Thursday26November implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rgpd.rights.clock.fixed", "2026-11-26T09:00:00Z");
        }
    }

    static LocalDate today() {
        return LocalDate.of(2026, 11, 26);
    }

    @Test
    void anAccessRequestIsRoutedToTheCitizensCaisseWithItsLegalDeadline() throws Exception {
        JsonPath r = submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 1, "message", "Je souhaite mes données."), 201);
        assertEquals("RECEIVED", r.getString("status"));
        assertEquals("CPAM-75", r.getString("caisse.code"));
        assertEquals("Caisse primaire d'assurance maladie de Paris", r.getString("caisse.name"));
        assertEquals(today().toString(), r.getString("receivedOn"));
        // one calendar month: Saturday 26 December, so the next working day (art. 3(4) of Reg. 1182/71)
        assertEquals("2026-12-28", r.getString("dueOn"));
        assertTrue(r.getBoolean("applicability.applies"));
        String id = r.getString("id");

        // on rights.events (through the outbox): submitted then routed, keyed by subjectRef, no NIR
        List<TestKafka.Received> events = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.readToEnd(bootstrapServers, Topics.RIGHTS_EVENTS, Duration.ofSeconds(30))
                        .stream().filter(e -> e.value().contains(id)).toList(), found -> found.size() >= 2);
        assertEquals(List.of(EventTypes.REQUEST_SUBMITTED, EventTypes.REQUEST_ROUTED),
                events.stream().map(e -> e.header("ce_type")).toList());
        assertEquals(subjectRefOf(id), events.get(0).key());
        for (TestKafka.Received e : events) {
            assertFalse(e.value().contains(NIR_PARIS), "no NIR on the bus");
            assertEquals(64, e.key().length());
        }
    }

    private static String subjectRefOf(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((RightsRequest) RightsRequest.findById(UUID.fromString(requestId))).subjectRef);
    }

    @Test
    void anObjectionToALegalObligationIsAnsweredAtOnceWithTheReasonAndTheCnilRoute() {
        JsonPath r = submit(CITIZEN_PARIS, Map.of("type", "OBJECTION", "ficheNumber", 1), 201);
        assertEquals("ANSWERED_NOT_APPLICABLE", r.getString("status"));
        assertFalse(r.getBoolean("applicability.applies"));
        assertTrue(r.getString("applicability.reason").contains("Obligation légale"));
        String answer = r.getString("answer");
        assertTrue(answer.contains("« Obligation légale »"), answer);
        assertTrue(answer.contains("CNIL"), answer);
        assertTrue(answer.contains("délégué à la protection des données"), answer);
    }

    @Test
    void nationalProcessingGoesToTheCnamAndADomainOrEverythingIsSplitByDpo() {
        assertEquals("CNAM", submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 37), 201).getString("caisse.code"));
        JsonPath domain = submit(CITIZEN_PARIS, Map.of("type", "OBJECTION", "domainCode", "01"), 201);
        assertEquals("DOMAIN", domain.getString("scope"));
        assertEquals(List.of(1, 2), domain.getList("applicability.fiches.ficheNumber"));
        assertEquals("ANSWERED_NOT_APPLICABLE", domain.getString("status"));
        JsonPath all = submit(CITIZEN_METZ, Map.of("type", "ACCESS"), 201);
        assertEquals("ALL", all.getString("scope"));
        assertEquals("CPAM-57", all.getString("caisse.code"), "never from the NIR (born in 75, affiliated in 57)");
        assertTrue(all.getList("related.caisse.code").contains("CNAM"), "national processing in a request of its own");
    }

    @Test
    void aDpoRegistersAPaperRequestForTheirCaisse() {
        LocalDate received = LocalDate.of(2026, 11, 23);
        JsonPath r = submit(DPO_METZ, Map.of("type", "RECTIFICATION", "ficheNumber", 2, "nir", NIR_PARIS,
                "receivedOn", received.toString(), "channel", "POSTAL", "rectification", "Nouvelle adresse : 1 rue X, 57000 Metz"), 201);
        assertEquals("CPAM-57", r.getString("caisse.code"));
        assertEquals("POSTAL", r.getString("channel"));
        assertEquals("2026-12-23", r.getString("dueOn"), "received Monday 23 November: Wednesday 23 December");
    }

    @Test
    void badSubmissionsAre400sAndChangeNothing() {
        long before = count();
        String big = "x".repeat(100 * 1024);
        List<Map<String, Object>> citizenBodies = List.of(
                Map.of("type", "VOLER", "ficheNumber", 1),
                Map.of("ficheNumber", 1),
                Map.of("type", "ACCESS", "ficheNumber", 999),
                Map.of("type", "ACCESS", "ficheNumber", 1, "domainCode", "01"),
                Map.of("type", "ACCESS", "domainCode", "42"),
                Map.of("type", "RECTIFICATION", "ficheNumber", 1),
                Map.of("type", "ACCESS", "ficheNumber", 1, "message", big),
                Map.of("type", "ACCESS", "ficheNumber", 1, "message", "zéro\u0000octet"),
                Map.of("type", "ACCESS", "ficheNumber", 1, "nir", NIR_METZ));
        for (Map<String, Object> body : citizenBodies) {
            given().auth().oauth2(CITIZEN_PARIS).contentType(ContentType.JSON).body(body).when().post("/api/v1/requests")
                    .then().statusCode(400).contentType("application/problem+json").body("detail", notNullValue());
        }
        given().auth().oauth2(CITIZEN_PARIS).contentType(ContentType.JSON).body("{\"type\": ").when()
                .post("/api/v1/requests").then().statusCode(400);
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(Map.of("type", "ACCESS", "ficheNumber", 1,
                "nir", "185057505612399", "receivedOn", today().toString(), "channel", "POSTAL")).when()
                .post("/api/v1/requests").then().statusCode(400).body("detail", containsString("clé"));
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(Map.of("type", "ACCESS", "ficheNumber", 1,
                "nir", NIR_PARIS, "receivedOn", today().plusDays(2).toString(), "channel", "POSTAL")).when()
                .post("/api/v1/requests").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("type", "ACCESS")).when().post("/api/v1/requests").then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("editeur", "register-editor")).contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS")).when().post("/api/v1/requests").then().statusCode(403);
        assertEquals(before, count(), "nothing written");
    }

    /** Requests, outbox events and audit lines: what a refused input must leave unchanged. */
    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> RightsRequest.count() * 1_000_000L
                + fr.assurancemaladie.rgpd.rights.outbox.OutboxEvent.count() * 1_000L + AuditEntry.count());
    }

    @Test
    void authorizationMatrix() {
        String id = submit(CITIZEN_PARIS, Map.of("type", "LIMITATION", "ficheNumber", 2), 201).getString("id");
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/" + id).then().statusCode(200);
        given().auth().oauth2(CITIZEN_METZ).when().get("/api/v1/requests/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(DPO_METZ).when().get("/api/v1/requests/" + id).then().statusCode(404);
        given().auth().oauth2(DPO_METZ).contentType(ContentType.JSON).body(Map.of("action", "START"))
                .when().post("/api/v1/requests/" + id + "/actions").then().statusCode(404);
        given().auth().oauth2(DPO_METZ).when().get("/api/v1/queues/CPAM-75/requests").then().statusCode(403);
        given().auth().oauth2(CITIZEN_PARIS).contentType(ContentType.JSON).body(Map.of("action", "START"))
                .when().post("/api/v1/requests/" + id + "/actions").then().statusCode(403);
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/queues/CPAM-75/requests").then().statusCode(403);
        given().when().get("/api/v1/requests/" + id).then().statusCode(401);
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(CITIZEN_METZ).when().get("/api/v1/requests/mine").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/mine").then().statusCode(200)
                .body("id", hasItem(id));
        // the DPO of the caisse reads it, and that read is in the audit trail
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/requests/" + id).then().statusCode(200);
        long reads = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "requestId = ?1 and action = 'READ' and actor = 'dpo.paris'", UUID.fromString(id)));
        assertEquals(1, reads);
    }

    @Test
    void theDpoWorksTheRequestThroughTheWorkflow() {
        String id = submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 2), 201).getString("id");
        act(id, Map.of("action", "ANSWER", "answer", "trop tôt"), 409);
        act(id, Map.of("action", "START"), 200).body("status", equalTo("IN_PROGRESS"));
        act(id, Map.of("action", "EXTEND"), 400);
        act(id, Map.of("action", "EXTEND", "reason", "Demande complexe : plusieurs traitements"), 200)
                .body("status", equalTo("EXTENDED"))
                .body("dueOn", equalTo("2027-02-26")); // three months from the receipt of 26 November: a Friday
        act(id, Map.of("action", "ASSIGN", "reason", "agent.dupont"), 200).body("assignedTo", equalTo("agent.dupont"));
        act(id, Map.of("action", "ANSWER", "answer", "Vous trouverez ci-joint vos données."), 200)
                .body("status", equalTo("ANSWERED"));
        act(id, Map.of("action", "CLOSE"), 200).body("status", equalTo("CLOSED"));
        act(id, Map.of("action", "START"), 409).body("detail", containsString("CLOSED"));
        act(id, Map.of("action", "FLY"), 400);
        act(id, Map.of("action", "ANSWER", "answer", "x\u0000"), 400);
        long lines = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("requestId", UUID.fromString(id)));
        assertTrue(lines >= 5, "every action is audited: " + lines);
    }

    private static io.restassured.response.ValidatableResponse act(String id, Map<String, Object> body, int status) {
        return given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests/" + id + "/actions").then().statusCode(status);
    }

    @Test
    void identityStopsTheClockAndANeverEstablishedIdentityIsRefusedWithItsGround() {
        String id = submit(CITIZEN_PARIS, Map.of("type", "ERASURE", "ficheNumber", 2), 201).getString("id");
        // erasure does not apply to fiche 2: answered at once
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/" + id).then()
                .body("status", equalTo("ANSWERED_NOT_APPLICABLE"));
        String access = submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 2), 201).getString("id");
        act(access, Map.of("action", "REQUEST_IDENTITY"), 400);
        act(access, Map.of("action", "REQUEST_IDENTITY", "reason", "Copie d'une pièce d'identité illisible"), 200)
                .body("status", equalTo("AWAITING_IDENTITY"));
        act(access, Map.of("action", "IDENTITY_RECEIVED"), 200).body("status", equalTo("IN_PROGRESS"))
                // the month runs again from the day the identity arrived (26 November): Monday 28 December
                .body("dueOn", equalTo("2026-12-28"));
        act(access, Map.of("action", "REQUEST_IDENTITY", "reason", "Toujours illisible"), 200);
        act(access, Map.of("action", "REFUSE", "reason", "Aucune réponse", "ground", "IDENTITY_NOT_ESTABLISHED"), 200)
                .body("status", equalTo("REFUSED")).body("refusalGround", equalTo("IDENTITY_NOT_ESTABLISHED"));
    }

    @Test
    void theQueueIsSortedByDueDateAndPagedByCursor() {
        for (int i = 0; i < 3; i++) {
            submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 1), 201);
        }
        JsonPath first = given().auth().oauth2(DPO_PARIS).when().get("/api/v1/queues/CPAM-75/requests?size=2")
                .then().statusCode(200).body("caisseCode", equalTo("CPAM-75")).extract().jsonPath();
        assertEquals(2, first.getList("items").size());
        assertTrue(first.getLong("counts.open") >= 3);
        String cursor = first.getString("nextCursor");
        JsonPath second = given().auth().oauth2(DPO_PARIS).queryParam("size", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/queues/CPAM-75/requests").then().statusCode(200).extract().jsonPath();
        List<String> firstIds = first.getList("items.id");
        List<String> secondIds = second.getList("items.id");
        assertTrue(secondIds.stream().noneMatch(firstIds::contains), "no overlap between pages");
        String lastDue = first.getString("items[1].dueOn");
        assertTrue(second.getString("items[0].dueOn").compareTo(lastDue) >= 0, "sorted by due date");
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/queues/CPAM-75/requests?status=LOST").then().statusCode(400);
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/queues/CPAM-75/requests?cursor=zzz").then().statusCode(400);
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/queues/CPAM-75/requests?type=ACCESS&status=RECEIVED").then()
                .statusCode(200).body("items.type", not(hasItems("OBJECTION")));
    }

    @Test
    void anAcceptedLimitationHoldsUntilLiftedAfterNoticeAndRecipientsAreTold() throws Exception {
        String id = submit(CITIZEN_PARIS, Map.of("type", "LIMITATION", "ficheNumber", 2,
                "message", "Mes données sont inexactes, vérifiez-les."), 201).getString("id");
        act(id, Map.of("action", "START"), 200);
        act(id, Map.of("action", "LIFT"), 409);
        act(id, Map.of("action", "ANSWER", "answer", "Le traitement de vos données est limité le temps de la vérification."), 200)
                .body("limitation", equalTo("APPLIED"));
        act(id, Map.of("action", "LIFT"), 409).body("detail", containsString("article 18"));
        act(id, Map.of("action", "NOTIFY_LIFT"), 400);
        act(id, Map.of("action", "NOTIFY_LIFT", "reason", "La vérification est terminée : vos données sont exactes."), 200)
                .body("limitation", equalTo("NOTICE_GIVEN"));
        act(id, Map.of("action", "LIFT"), 200).body("limitation", equalTo("LIFTED"));

        List<TestKafka.Received> events = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.readToEnd(bootstrapServers, Topics.RIGHTS_EVENTS, Duration.ofSeconds(30))
                        .stream().filter(e -> e.value().contains(id)).toList(), found -> found.stream()
                        .anyMatch(e -> EventTypes.LIMITATION_LIFTED.equals(e.header("ce_type"))));
        List<String> types = events.stream().map(e -> e.header("ce_type")).toList();
        assertTrue(types.indexOf(EventTypes.LIMITATION_APPLIED) >= 0, types.toString());
        assertTrue(types.indexOf(EventTypes.LIMITATION_APPLIED) < types.indexOf(EventTypes.LIMITATION_LIFTED), "in order");
        TestKafka.Received notify = events.stream().filter(e -> EventTypes.RECIPIENTS_NOTIFY.equals(e.header("ce_type")))
                .findFirst().orElseThrow();
        assertTrue(notify.value().contains("Les bénéficiaires eux-mêmes"), "the fiche's recipients (art. 19)");
        TestKafka.Received applied = events.stream().filter(e -> EventTypes.LIMITATION_APPLIED.equals(e.header("ce_type")))
                .findFirst().orElseThrow();
        assertEquals("[2]", new com.fasterxml.jackson.databind.ObjectMapper().readTree(applied.value())
                .get("ficheNumbers").toString(), "the limitation holds on the fiche concerned");
    }

    @Test
    void anAccessRequestGetsWhatTheRegisterCanAnswer() {
        String id = submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 2), 201).getString("id");
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/" + id + "/access-summary").then()
                .statusCode(200)
                .body("fiches[0].ficheNumber", equalTo(2))
                .body("fiches[0].purposes[0]", equalTo("Ouvrir, instruire et gérer les droits en maladie, maternité et paternité"))
                .body("fiches[0].recipients", hasItem("Les bénéficiaires eux-mêmes"))
                .body("fiches[0].rights.objection", equalTo(false))
                .body("complaint", containsString("CNIL"))
                .body("source", notNullValue())
                .body("automatedDecisions", containsString("article 22"));
        given().auth().oauth2(DPO_METZ).when().get("/api/v1/requests/" + id + "/access-summary").then().statusCode(404);
        String limitation = submit(CITIZEN_PARIS, Map.of("type", "LIMITATION", "ficheNumber", 2), 201).getString("id");
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/requests/" + limitation + "/access-summary").then()
                .statusCode(409);
    }

    @Test
    void theAuditTrailIsForTheDposOfTheCaisseAndCannotBeRewritten() {
        String id = submit(CITIZEN_PARIS, Map.of("type", "ACCESS", "ficheNumber", 1), 201).getString("id");
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/requests/" + id).then().statusCode(200);
        given().auth().oauth2(DPO_PARIS).queryParam("requestId", id).when().get("/api/v1/caisses/CPAM-75/audit").then()
                .statusCode(200).body("action", hasItem("READ")).body("actor", hasItem("dpo.paris"));
        given().auth().oauth2(DPO_METZ).when().get("/api/v1/caisses/CPAM-75/audit").then().statusCode(403);
        given().auth().oauth2(CITIZEN_PARIS).when().get("/api/v1/caisses/CPAM-75/audit").then().statusCode(403);
        given().auth().oauth2(DPO_PARIS).when().get("/api/v1/caisses/CPAM-75/audit?limit=0").then().statusCode(400);
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> AuditEntry.getEntityManager()
                        .createNativeQuery("delete from audit_entry").executeUpdate()));
        java.sql.SQLException trigger = null;
        for (Throwable t = refused; t != null && trigger == null; t = t.getCause()) {
            trigger = t instanceof java.sql.SQLException sql ? sql : null;
        }
        org.junit.jupiter.api.Assertions.assertNotNull(trigger, "the database refused it: " + refused);
        assertEquals("P0001", trigger.getSQLState(), "raised by the append-only trigger");
        assertTrue(trigger.getMessage().contains("audit_entry is append-only"), trigger.getMessage());
        long lines = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("requestId", UUID.fromString(id)));
        assertTrue(lines >= 1, "the lines are still there");
    }
}
