package fr.assurancemaladie.rgpd.retention;

import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.awaitCount;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.count;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.newSubject;
import static fr.assurancemaladie.rgpd.retention.RetentionTestSupport.sendLifecycle;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention flow on the real broker and database: lifecycle events to schedules, holds (limitation from
 * rights.events, litigation, manual), sweeps ordering deletions, confirmations leaving proofs, and the API around them.
 * Each test works on its own persons; sweeps run as of a chosen day ({@code asOf}).
 */
@QuarkusTest
class RetentionFlowTest {

    static final String DPO_PARIS = TestTokens.dpo("dpo.paris", "CPAM-75");
    static final String DPO_METZ = TestTokens.dpo("dpo.metz", "CPAM-57");
    static final String ADMIN = TestTokens.withRoles("admin", "admin");
    static final String PUBLISHER = TestTokens.publisher("sih-affiliation", "urn:cnam:sys:affiliation",
            List.of("rights-end", "death"), List.of("*"));

    static boolean registerPublished;

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void register() throws Exception {
        if (!registerPublished) {
            RetentionTestSupport.publishFiche(bootstrap, 1, RetentionTestSupport.fiche1(1, "P3Y", "RIGHTS_END"));
            RetentionTestSupport.publishFiche(bootstrap, 2, RetentionTestSupport.FICHE_2);
            awaitCount(ds, 1, "select count(*) from fiche_rule where fiche_number = 1 and executable");
            awaitCount(ds, 2, "select count(*) from fiche_rule where fiche_number = 2");
            registerPublished = true;
        }
    }

    @org.junit.jupiter.api.AfterEach
    void workTablesFollowTheSchedules() throws Exception {
        assertEquals(0, RetentionTestSupport.workTablesOutOfStep(ds), "schedule_due and schedule_unconfirmed "
                + "hold exactly the SCHEDULED and ORDERED schedules");
    }

    @Test
    void rightsEndOnFiche1GivesOneScheduleDueThreeYearsLaterAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        String person = newSubject();
        String eventId = UUID.randomUUID().toString();
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2026, 1, 15), List.of(1), null, eventId);
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2026, 1, 15), List.of(1), null, eventId);
        String poisonKey = newSubject();
        TestKafka.sendCloudEvent(bootstrap, Topics.LIFECYCLE_EVENTS, poisonKey,
                EventTypes.LIFECYCLE_PREFIX + "moon-landing", RetentionTestSupport.lifecycleData(poisonKey,
                        LocalDate.of(2026, 1, 15), "CPAM-75", null, null));
        String next = newSubject();
        sendLifecycle(bootstrap, next, "rights-end", LocalDate.of(2026, 2, 1), List.of(1), null,
                UUID.randomUUID().toString());

        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", next);
        assertEquals(1, count(ds, "select count(*) from schedule_state where subject_ref = ?", person));
        assertEquals(1, count(ds, "select count(*) from lifecycle_event where subject_ref = ?", person));

        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person)
                .when().get("/api/v1/schedules")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", org.hamcrest.Matchers.notNullValue())
                .body("items[0].subjectRef", equalTo(person))
                .body("items[0].ficheNumber", equalTo(1))
                .body("items[0].rule.duration", equalTo("P3Y"))
                .body("items[0].rule.trigger", equalTo("RIGHTS_END"))
                .body("items[0].rule.text", containsString("3 ans"))
                .body("items[0].triggerDate", equalTo("2026-01-15"))
                .body("items[0].dueOn", equalTo("2029-01-15"))
                .body("items[0].fate", equalTo("DESTRUCTION"))
                .body("items[0].status", equalTo("SCHEDULED"));

        TestKafka.Received dead = TestKafka.awaitRecord(bootstrap, Topics.dlq(Topics.LIFECYCLE_EVENTS), poisonKey,
                Duration.ofSeconds(30));
        assertNotNull(dead, "the unknown event is in the dead-letter topic");
        assertTrue(dead.header("dead-letter-reason").contains("moon-landing"), dead.header("dead-letter-reason"));
        assertEquals(Topics.LIFECYCLE_EVENTS, dead.header("dead-letter-topic"));
        assertEquals(0, count(ds, "select count(*) from lifecycle_event where subject_ref = ?", poisonKey));
    }

    @Test
    void anEventWithoutFichesAppliesToEveryFicheWithARuleOnItsTrigger() throws Exception {
        String person = newSubject();
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2025, 6, 30), null, null, "all-" + person);
        awaitCount(ds, 2, "select count(*) from schedule_state where subject_ref = ?", person);
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person)
                .when().get("/api/v1/schedules")
                .then().statusCode(200)
                .body("items.ficheNumber", contains(1, 2))
                .body("items.dueOn", contains("2028-06-30", "2030-06-30"));
        // a death event: no published fiche has a rule on it here, so nothing to schedule (and nothing rejected)
        sendLifecycle(bootstrap, person, "death", LocalDate.of(2026, 1, 2), null, null, "death-" + person);
        awaitCount(ds, 2, "select count(*) from lifecycle_event where subject_ref = ?", person);
        assertEquals(2, count(ds, "select count(*) from schedule_state where subject_ref = ?", person));
    }

    @Test
    void aLimitationBlocksTheOrderAndItsLiftingLetsItGoAtTheNextSweepThenAConfirmationLeavesAProof()
            throws Exception {
        String person = newSubject();
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2026, 1, 15), List.of(1), null, "lim-" + person);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", person);
        String request = UUID.randomUUID().toString();
        sendRights(person, EventTypes.LIMITATION_APPLIED, request);
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ? and kind = 'LIMITATION' "
                + "and released_at is null", person);

        sweep("2029-02-01");
        assertEquals("SCHEDULED", status(person));
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person).when().get("/api/v1/schedules")
                .then().body("items[0].held", equalTo(true));
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person).when().get("/api/v1/holds")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].kind", equalTo("LIMITATION"))
                .body("items[0].ficheNumbers", contains(1));

        sendRights(person, EventTypes.LIMITATION_LIFTED, request);
        awaitCount(ds, 0, "select count(*) from hold where subject_ref = ? and released_at is null", person);
        // a redelivered "applied" after the lifting does not put the hold back (the marker comes after it on the
        // test topic's single partition)
        sendRights(person, EventTypes.LIMITATION_APPLIED, request);
        String marker = newSubject();
        sendRights(marker, EventTypes.LIMITATION_APPLIED, UUID.randomUUID().toString());
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ?", marker);
        assertEquals(0, count(ds, "select count(*) from hold where subject_ref = ? and released_at is null", person));
        sweep("2029-02-01");
        assertEquals("ORDERED", status(person));
        assertEquals(1, count(ds, "select count(*) from hold where subject_ref = ?", person));

        String scheduleId = given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person)
                .when().get("/api/v1/schedules").then().extract().path("items[0].id");
        TestKafka.Received order = TestKafka.awaitRecord(bootstrap, Topics.DELETION_ORDERS, person,
                Duration.ofSeconds(30));
        assertNotNull(order, "a deletion order on retention.deletion-orders");
        assertEquals(EventTypes.DELETION_ORDERED, order.header("ce_type"));
        assertEquals(scheduleId, order.header("ce_id"));
        assertTrue(order.value().contains("\"ficheNumber\":1") && order.value().contains("\"fate\":\"DESTRUCTION\""),
                order.value());

        TestKafka.sendCloudEvent(bootstrap, Topics.DELETION_CONFIRMATIONS, person, EventTypes.DELETION_CONFIRMED,
                "{\"scheduleId\":\"" + scheduleId + "\",\"subjectRef\":\"" + person + "\",\"confirmedAt\":\""
                        + Instant.parse("2029-02-01T10:00:00Z") + "\",\"system\":\"SI-PRESTATIONS\"}");
        awaitCount(ds, 1, "select count(*) from deletion_proof where subject_ref = ?", person);
        assertEquals("CONFIRMED", status(person));
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person).when().get("/api/v1/proofs")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].scheduleId", equalTo(scheduleId))
                .body("items[0].ficheNumber", equalTo(1))
                .body("items[0].ruleText", containsString("3 ans"))
                .body("items[0].triggerDate", equalTo("2026-01-15"))
                .body("items[0].dueOn", equalTo("2029-01-15"))
                .body("items[0].confirmingSystem", equalTo("SI-PRESTATIONS"))
                .body("items[0].confirmedAt", equalTo("2029-02-01T10:00:00Z"));
        given().auth().oauth2(DPO_METZ).queryParam("subjectRef", person).when().get("/api/v1/proofs")
                .then().statusCode(200).body("items", hasSize(0));
        // a confirmation for a schedule that was never ordered is rejected to the dead-letter topic
        String stranger = newSubject();
        TestKafka.sendCloudEvent(bootstrap, Topics.DELETION_CONFIRMATIONS, stranger, EventTypes.DELETION_CONFIRMED,
                "{\"scheduleId\":\"" + UUID.randomUUID() + "\",\"subjectRef\":\"" + stranger
                        + "\",\"confirmedAt\":\"2029-02-01T10:00:00Z\",\"system\":\"X\"}");
        assertNotNull(TestKafka.awaitRecord(bootstrap, Topics.dlq(Topics.DELETION_CONFIRMATIONS), stranger,
                Duration.ofSeconds(30)));
    }

    @Test
    void aLitigationHoldsItsFichesAndMovesTheLitigationClauseToTheFinalDecision() throws Exception {
        String person = newSubject();
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2020, 1, 1), null, null, "lit-" + person);
        awaitCount(ds, 2, "select count(*) from schedule_state where subject_ref = ?", person);
        sendLifecycle(bootstrap, person, "litigation-opened", LocalDate.of(2022, 6, 1), List.of(2), "TJ-2022-42",
                "open-" + person);
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ? and kind = 'LITIGATION'", person);

        sweep("2025-02-01");
        assertEquals("ORDERED", status(person, 1), "fiche 1 (due 2023-01-01) is not under litigation");
        assertEquals("SCHEDULED", status(person, 2), "fiche 2 (due 2025-01-01) is held by the litigation");

        sendLifecycle(bootstrap, person, "litigation-closed", LocalDate.of(2026, 3, 2), List.of(2), "TJ-2022-42",
                "close-" + person);
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ? and released_at is not null", person);
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person).queryParam("fiche", "2")
                .when().get("/api/v1/schedules")
                .then().statusCode(200)
                .body("items[0].ruleDueOn", equalTo("2025-01-01"))
                .body("items[0].dueOn", equalTo("2026-03-02"))
                .body("items[0].rule.untilFinalDecisionIfLitigation", equalTo(true));

        sweep("2026-03-01");
        assertEquals("SCHEDULED", status(person, 2), "the clause waits for the final decision");
        sweep("2026-03-02");
        assertEquals("ORDERED", status(person, 2));
    }

    @Test
    void manualHoldsArePutAndReleasedWithAReasonByTheCaissesDpo() throws Exception {
        String person = newSubject();
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2019, 1, 1), List.of(1), null, "man-" + person);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", person);

        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body("{\"subjectRef\":\"" + person + "\"}").when().post("/api/v1/holds")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("motif"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"subjectRef\":\"" + person + "\",\"reason\":\"Enquête CNIL\"}").when().post("/api/v1/holds")
                .then().statusCode(400).body("detail", containsString("caisseCode"));
        String holdId = given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body("{\"subjectRef\":\"" + person + "\",\"reason\":\"Réclamation en cours d'instruction\"}")
                .when().post("/api/v1/holds")
                .then().statusCode(201).body("kind", equalTo("MANUAL")).body("caisseCode", equalTo("CPAM-75"))
                .body("ficheNumbers", nullValue()).body("active", equalTo(true))
                .extract().path("id");

        sweep(LocalDate.now(RetentionClock.PARIS).toString());
        assertEquals("SCHEDULED", status(person));

        given().auth().oauth2(DPO_METZ).queryParam("reason", "x").when().delete("/api/v1/holds/" + holdId)
                .then().statusCode(404);
        given().auth().oauth2(DPO_PARIS).when().delete("/api/v1/holds/" + holdId)
                .then().statusCode(400);
        given().auth().oauth2(DPO_PARIS).queryParam("reason", "Réclamation close").when()
                .delete("/api/v1/holds/" + holdId)
                .then().statusCode(200).body("active", equalTo(false)).body("releasedBy", equalTo("dpo.paris"))
                .body("releaseReason", equalTo("Réclamation close"));
        given().auth().oauth2(DPO_PARIS).queryParam("reason", "encore").when().delete("/api/v1/holds/" + holdId)
                .then().statusCode(409);
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person).queryParam("active", "ALL")
                .when().get("/api/v1/holds").then().statusCode(200).body("items", hasSize(1));

        sweep(LocalDate.now(RetentionClock.PARIS).toString());
        assertEquals("ORDERED", status(person));
    }

    @Test
    void aManualHoldHoldsItsOwnCaisseAndADossierlessClosingLeavesOtherDossiersOpen() throws Exception {
        String person = newSubject();
        // the person's rights ended at two caisses (moved from Paris to Marseille)
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2019, 1, 1), List.of(1), null, "p-" + person);
        sendLifecycle(bootstrap, person, "rights-end",
                RetentionTestSupport.lifecycleData(person, LocalDate.of(2019, 2, 1), "CPAM-13", List.of(1), null),
                "m-" + person);
        awaitCount(ds, 2, "select count(*) from schedule_state where subject_ref = ?", person);
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body("{\"subjectRef\":\"" + person + "\",\"reason\":\"Réclamation en cours\"}")
                .when().post("/api/v1/holds").then().statusCode(201);
        sweep(LocalDate.now(RetentionClock.PARIS).toString());
        assertEquals(1, count(ds, "select count(*) from schedule_state where subject_ref = ? and caisse_code = 'CPAM-75' "
                + "and status = 'SCHEDULED'", person), "Paris's manual hold holds Paris's schedule");
        assertEquals(1, count(ds, "select count(*) from schedule_state where subject_ref = ? and caisse_code = 'CPAM-13' "
                + "and status = 'ORDERED'", person), "and not Marseille's, which Marseille could not even see");

        String other = newSubject();
        sendLifecycle(bootstrap, other, "litigation-opened", LocalDate.of(2024, 1, 1), null, "TJ-A", "oa-" + other);
        sendLifecycle(bootstrap, other, "litigation-opened", LocalDate.of(2024, 2, 1), null, null, "ob-" + other);
        sendLifecycle(bootstrap, other, "litigation-closed", LocalDate.of(2024, 6, 1), null, null, "cb-" + other);
        awaitCount(ds, 1, "select count(*) from hold where subject_ref = ? and released_at is not null", other);
        assertEquals(1, count(ds, "select count(*) from hold where subject_ref = ? and released_at is null "
                + "and source_ref = 'TJ-A'", other), "dossier TJ-A is still open");
    }

    @Test
    void aDpoSeesTheirCaisseOnlyAndBadParametersAreClearFourHundreds() throws Exception {
        String person = newSubject();
        sendLifecycle(bootstrap, person, "rights-end", LocalDate.of(2026, 1, 15), List.of(1), null, "dpo-" + person);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", person);
        String id = given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", person).when()
                .get("/api/v1/schedules").then().extract().path("items[0].id");

        given().auth().oauth2(DPO_METZ).queryParam("subjectRef", person).when().get("/api/v1/schedules")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(DPO_METZ).when().get("/api/v1/schedules/" + id).then().statusCode(404);
        given().auth().oauth2(DPO_METZ).queryParam("caisse", "CPAM-75").when().get("/api/v1/schedules")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get("/api/v1/schedules/" + id).then().statusCode(200)
                .body("caisseCode", equalTo("CPAM-75"));
        given().when().get("/api/v1/schedules").then().statusCode(401);
        given().auth().oauth2(PUBLISHER).when().get("/api/v1/schedules").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("dpo.sans.caisse", "dpo")).when().get("/api/v1/schedules")
                .then().statusCode(403);

        for (String[] bad : new String[][] { { "subjectRef", "1850575123456" }, { "fiche", "un" },
                { "dueBefore", "2029-13-01" }, { "status", "DONE" }, { "size", "0" }, { "cursor", "%%%" } }) {
            given().auth().oauth2(DPO_PARIS).queryParam(bad[0], bad[1]).when().get("/api/v1/schedules")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(DPO_PARIS).queryParam("days", "100000").when().get("/api/v1/reports/upcoming")
                .then().statusCode(400);
    }

    @Test
    void reportsCountUpcomingAndOverdueAndListTheRulesNobodyCanExecute() throws Exception {
        String person = newSubject();
        LocalDate soon = LocalDate.now(RetentionClock.PARIS).minusYears(3).plusDays(10);
        sendLifecycle(bootstrap, person, "rights-end", RetentionTestSupport.lifecycleData(person, soon,
                "CPAM-13", List.of(1), null), UUID.randomUUID().toString());
        String late = newSubject();
        sendLifecycle(bootstrap, late, "rights-end",
                RetentionTestSupport.lifecycleData(late, LocalDate.of(2015, 1, 1), "CPAM-13", List.of(1), null),
                UUID.randomUUID().toString());
        awaitCount(ds, 2, "select count(*) from schedule where caisse_code = 'CPAM-13'");

        String dpoMarseille = TestTokens.dpo("dpo.marseille", "CPAM-13");
        given().auth().oauth2(dpoMarseille).queryParam("days", "30").when().get("/api/v1/reports/upcoming")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("byFicheAndCaisse[0].ficheNumber", equalTo(1))
                .body("byFicheAndCaisse[0].caisseCode", equalTo("CPAM-13"))
                .body("byFicheAndCaisse[0].firstDueOn", equalTo(soon.plusYears(3).toString()));
        given().auth().oauth2(dpoMarseille).when().get("/api/v1/reports/overdue")
                .then().statusCode(200)
                .body("notOrdered", equalTo(1))
                .body("notOrderedByFicheAndCaisse[0].reason", equalTo("AWAITING_SWEEP"))
                .body("notOrderedByFicheAndCaisse[0].oldestDueOn", equalTo("2018-01-01"))
                .body("confirmationDelay", equalTo("PT168H"));
        given().auth().oauth2(dpoMarseille).when().get("/api/v1/reports/rules-to-review")
                .then().statusCode(200)
                .body("ficheNumber", hasItem(2))
                .body("find { it.ficheNumber == 2 }.status", equalTo("PARTIAL"))
                .body("find { it.ficheNumber == 2 }.missing", containsString("duration"));
    }

    @Test
    void systemsWithoutKafkaPostCloudEventsThatTakeTheSamePath() throws Exception {
        String person = newSubject();
        String event = """
                {"specversion": "1.0", "id": "http-%s", "source": "urn:cnam:sys:affiliation",
                 "type": "fr.assurancemaladie.lifecycle.rights-end", "time": "2026-01-16T08:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"subjectRef": "%s", "occurredOn": "2026-01-15", "caisseCode": "CPAM-75", "ficheNumbers": [1]}}
                """.formatted(person, person);
        given().auth().oauth2(PUBLISHER).contentType("application/cloudevents+json").body(event)
                .when().post("/api/v1/lifecycle-events")
                .then().statusCode(202).body("id", equalTo("http-" + person)).body("topic", equalTo("lifecycle.events"));
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/lifecycle-events").then().statusCode(202);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", person);
        assertEquals(1, count(ds, "select count(*) from lifecycle_event where subject_ref = ? and source = "
                + "'urn:cnam:sys:affiliation'", person), "posted twice, stored once");

        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON)
                .body(event.replace("rights-end", "moon-landing")).when().post("/api/v1/lifecycle-events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Type d'événement inconnu"));
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON).body(event.replace(person, "123"))
                .when().post("/api/v1/lifecycle-events").then().statusCode(400).body("detail", containsString("subjectRef"));
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON).body(event.replace("2026-01-15", "hier"))
                .when().post("/api/v1/lifecycle-events").then().statusCode(400).body("detail", containsString("occurredOn"));
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/lifecycle-events").then().statusCode(400);
        // CloudEvent attributes have their JSON types: a number for specversion, an array for datacontenttype
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON)
                .body(event.replace("\"specversion\": \"1.0\"", "\"specversion\": 1.0")).when()
                .post("/api/v1/lifecycle-events").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("specversion"));
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON)
                .body(event.replace("\"datacontenttype\": \"application/json\"",
                        "\"datacontenttype\": [\"application/json\"]")).when()
                .post("/api/v1/lifecycle-events").then().statusCode(400).body("detail", containsString("datacontenttype"));
        given().auth().oauth2(PUBLISHER).contentType(ContentType.JSON)
                .body(event.replace("\"id\": \"http-", "\"id\": \"x\", \"id\": \"http-")).when()
                .post("/api/v1/lifecycle-events").then().statusCode(400).body("detail", containsString("clé répétée"));
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/lifecycle-events").then().statusCode(403);
        given().contentType(ContentType.JSON).body(event).when().post("/api/v1/lifecycle-events").then().statusCode(401);
    }

    @Test
    void aRepublishedRuleRecomputesThePendingSchedulesOnly() throws Exception {
        String pending = newSubject();
        String done = newSubject();
        sendLifecycle(bootstrap, done, "rights-end", LocalDate.of(2010, 5, 10), List.of(1), null, "done-" + done);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", done);
        sweep("2014-01-01");
        assertEquals("ORDERED", status(done));
        sendLifecycle(bootstrap, pending, "rights-end", LocalDate.of(2026, 1, 15), List.of(1), null, "pend-" + pending);
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ?", pending);

        RetentionTestSupport.publishFiche(bootstrap, 1, RetentionTestSupport.fiche1(2, "P4Y", "RIGHTS_END"));
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ? and due_on = '2030-01-15' "
                + "and fiche_version = 2", pending);
        assertEquals(1, count(ds, "select count(*) from schedule_state where subject_ref = ? and due_on = '2013-05-10' "
                + "and duration = 'P3Y'", done), "an order already sent is history");

        // a rule on another trigger: the pending schedule is cancelled, with its reason
        RetentionTestSupport.publishFiche(bootstrap, 1, RetentionTestSupport.fiche1(3, "P4Y", "DEATH"));
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ? and status = 'CANCELLED'", pending);
        given().auth().oauth2(DPO_PARIS).queryParam("subjectRef", pending).when().get("/api/v1/schedules")
                .then().body("items[0].cancelReason", containsString("version 3"));
        // back to the first rule: the schedule is revived, not duplicated
        RetentionTestSupport.publishFiche(bootstrap, 1, RetentionTestSupport.fiche1(4, "P3Y", "RIGHTS_END"));
        awaitCount(ds, 1, "select count(*) from schedule_state where subject_ref = ? and status = 'SCHEDULED' "
                + "and due_on = '2029-01-15'", pending);
        assertEquals(1, count(ds, "select count(*) from schedule_state where subject_ref = ?", pending));
    }

    private void sendRights(String person, String type, String request) throws Exception {
        TestKafka.sendCloudEvent(bootstrap, Topics.RIGHTS_EVENTS, person, type, "{\"requestId\":\"" + request
                + "\",\"subjectRef\":\"" + person + "\",\"requestType\":\"LIMITATION\",\"status\":\"ANSWERED\","
                + "\"caisseCode\":\"CPAM-75\",\"ficheNumbers\":[1],\"occurredAt\":\"" + Instant.now() + "\"}");
    }

    private void sweep(String asOf) {
        given().auth().oauth2(ADMIN).queryParam("asOf", asOf).when().post("/api/v1/sweeps")
                .then().statusCode(200).body("asOf", equalTo(asOf));
    }

    private String status(String person) throws Exception {
        return status(person, 1);
    }

    private String status(String person, int fiche) throws Exception {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(
                "select status from schedule_state where subject_ref = ? and fiche_number = ?")) {
            ps.setString(1, person);
            ps.setInt(2, fiche);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a schedule for fiche " + fiche);
                return rs.getString(1);
            }
        }
    }
}
