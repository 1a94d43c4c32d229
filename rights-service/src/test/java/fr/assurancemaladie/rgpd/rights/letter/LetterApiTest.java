package fr.assurancemaladie.rgpd.rights.letter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.infra.EmbeddedSmtpServer;
import fr.assurancemaladie.rgpd.rights.request.RequestApiTest;
import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the person is told: each step's letter, rendered from its template, kept with its version, e-mailed through
 * the outbox to a real SMTP server (GreenMail), and as a PDF for the post. The clock stands on Thursday 26 November
 * 2026 (the dates below are written by hand).
 */
@QuarkusTest
@TestProfile(RequestApiTest.Thursday26November.class)
public class LetterApiTest {

    static final String NIR_PARIS = "185057505612388";
    static final String DPO_PARIS = TestTokens.dpo("dpo.paris", "CPAM-75");
    static final String NATIONAL_DPO = TestTokens.dpo("dpo.cnam", "CNAM");
    static final String ADMIN = TestTokens.withRoles("admin", "admin");

    @Inject
    DpoDigest digest;

    EmbeddedSmtpServer smtp = TestInfrastructure.smtp();

    @BeforeEach
    void register() {
        RequestApiTest.projectTestRegister();
    }

    /** A citizen token with its own e-mail address: each test reads only its own mail. */
    static String citizen(String email) {
        return TestTokens.token("citoyen.paris", List.of("citizen"), Map.of("nir", NIR_PARIS, "caisse", "CPAM-75",
                "email", email));
    }

    static String newAddress() {
        return "personne-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
    }

    static JsonPath submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/requests")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath act(String id, Map<String, Object> body) {
        return given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/requests/" + id + "/actions").then().statusCode(200).extract().jsonPath();
    }

    /** The messages the SMTP server received for an address, once there are {@code count} of them. */
    List<EmbeddedSmtpServer.Received> mailTo(String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> smtp.mailbox().stream().filter(m -> m.to().contains(address)).toList(),
                        found -> found.size() >= count);
    }

    /** The message for an address whose subject ends with {@code ending} (letters may arrive in any order). */
    EmbeddedSmtpServer.Received mailTo(String address, String ending) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> smtp.mailbox().stream().filter(m -> m.to().contains(address)
                        && m.subject().endsWith(ending)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    static String text(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]+>", " ").replace("&#39;", "'")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }

    @Test
    void eachStepOfAnAccessRequestTellsThePersonByEmail() {
        String address = newAddress();
        String id = submit(citizen(address), Map.of("type", "ACCESS", "ficheNumber", 1)).getString("id");
        String reference = id.substring(0, 8).toUpperCase();

        EmbeddedSmtpServer.Received ack = mailTo(address, ": accusé de réception");
        assertEquals("Votre demande " + reference + " : accusé de réception", ack.subject());
        String ackText = text(ack.body());
        assertTrue(ackText.contains("au plus tard le lundi 28 décembre 2026"), ackText);
        assertTrue(ackText.contains("Caisse primaire d'assurance maladie de Paris"), ackText);

        act(id, Map.of("action", "START"));
        act(id, Map.of("action", "EXTEND", "reason", "Votre demande porte sur vingt ans d'archives papier à consulter."));
        EmbeddedSmtpServer.Received extension = mailTo(address, "jusqu'au vendredi 26 février 2027");
        assertEquals("Votre demande " + reference + " : prolongation du délai jusqu'au vendredi 26 février 2027",
                extension.subject());
        String extensionText = text(extension.body());
        assertTrue(extensionText.contains("devait recevoir une réponse au plus tard le lundi 28 décembre 2026"), extensionText);
        assertTrue(extensionText.contains("vingt ans d'archives papier"), extensionText);
        assertTrue(extensionText.contains("www.cnil.fr/fr/plaintes"), extensionText);

        act(id, Map.of("action", "ANSWER", "answer", "Vous trouverez ci-joint vos données d'affiliation."));
        EmbeddedSmtpServer.Received answer = mailTo(address, " : réponse");
        String answerText = text(answer.body());
        assertTrue(answerText.contains("Vous trouverez ci-joint vos données d'affiliation."), answerText);
        assertTrue(answerText.contains("article 15, paragraphe 1 du RGPD"), answerText);
        assertTrue(answerText.contains("Gérer les immatriculations et les affiliations"), answerText);
        assertTrue(answerText.contains("Destinataires : Les bénéficiaires eux-mêmes"), answerText);

        // kept with the template version that made them, and in the timeline
        JsonPath letters = given().auth().oauth2(citizen(address)).get("/api/v1/requests/" + id + "/letters")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("ACKNOWLEDGEMENT", "EXTENSION_NOTICE", "ANSWER"), letters.getList("kind"));
        assertEquals(List.of(1, 1, 1), letters.getList("templateVersion"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(citizen(address))
                .get("/api/v1/requests/" + id + "/letters").jsonPath().getList("delivery").stream()
                .allMatch("SENT"::equals));
        JsonPath timeline = given().auth().oauth2(citizen(address)).get("/api/v1/requests/" + id + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        List<String> letterSteps = timeline.getList("findAll { it.action == 'LETTER' }.label");
        assertEquals(List.of("Courrier : Accusé de réception", "Courrier : Avis de prolongation du délai",
                "Courrier : Réponse à votre demande"), letterSteps);
        assertEquals(letters.getList("id"), timeline.getList("findAll { it.action == 'LETTER' }.letterId"));

        // another person, another caisse's DPO: 404
        given().auth().oauth2(TestTokens.dpo("dpo.metz", "CPAM-57")).get("/api/v1/requests/" + id + "/letters")
                .then().statusCode(404);
    }

    @Test
    void aRefusalGivesItsGroundItsReasonAndBothRemedies() {
        String address = newAddress();
        String id = submit(citizen(address), Map.of("type", "RECTIFICATION", "ficheNumber", 1,
                "rectification", "Mon nom s'écrit Dupont")).getString("id");
        act(id, Map.of("action", "START"));
        act(id, Map.of("action", "REFUSE", "ground", "EXCESSIVE",
                "reason", "Cinquième demande identique en deux mois, à laquelle il a déjà été répondu le 2 novembre."));
        EmbeddedSmtpServer.Received refusal = mailTo(address, ": refus motivé");
        assertTrue(refusal.subject().endsWith(": refus motivé"), refusal.subject());
        String t = text(refusal.body());
        assertTrue(t.contains("demande excessive, notamment par son caractère répétitif (article 12, paragraphe 5 du RGPD)"), t);
        assertTrue(t.contains("Cinquième demande identique en deux mois"), t);
        assertTrue(t.contains("Commission nationale de l'informatique et des libertés (CNIL) : www.cnil.fr/fr/plaintes"), t);
        assertTrue(t.contains("recours juridictionnel"), t);
    }

    @Test
    void aRightTheRegisterExcludesIsAnsweredAtOnceWithItsReason() {
        String address = newAddress();
        submit(citizen(address), Map.of("type", "OBJECTION", "ficheNumber", 1));
        EmbeddedSmtpServer.Received answer = mailTo(address, ": réponse (droit non applicable)");
        String t = text(answer.body());
        assertTrue(t.contains("Justification donnée par le registre : « Obligation légale »"), t);
        assertTrue(t.contains("www.cnil.fr/fr/plaintes"), t);
    }

    @Test
    void identityLimitationRecipientsAndLiftNoticeLetters() {
        String address = newAddress();
        String id = submit(citizen(address), Map.of("type", "LIMITATION", "ficheNumber", 1)).getString("id");
        act(id, Map.of("action", "REQUEST_IDENTITY", "reason", "Votre date de naissance telle qu'elle figure sur votre carte Vitale."));
        EmbeddedSmtpServer.Received identity = mailTo(address, ": une information d'identité est nécessaire");
        String t = text(identity.body());
        assertTrue(t.contains("Votre date de naissance telle qu'elle figure sur votre carte Vitale."), t);
        assertTrue(t.contains("N'envoyez pas de copie de pièce d'identité"), t);

        act(id, Map.of("action", "IDENTITY_RECEIVED"));
        act(id, Map.of("action", "ANSWER", "answer", "La limitation est appliquée."));
        EmbeddedSmtpServer.Received recipients = mailTo(address, ": destinataires informés");
        assertTrue(text(recipients.body()).contains("Les bénéficiaires eux-mêmes"));

        act(id, Map.of("action", "NOTIFY_LIFT", "reason", "Les vérifications d'exactitude sont terminées."));
        EmbeddedSmtpServer.Received lift = mailTo(address, ": levée prochaine de la limitation");
        assertTrue(text(lift.body()).contains("Les vérifications d'exactitude sont terminées."));
        assertTrue(text(lift.body()).contains("article 18, paragraphe 3 du RGPD"));
    }

    @Test
    void aLetterPrintsAsAPdfForThePost() throws Exception {
        // registered at the counter without an e-mail address: the letters are for the post
        String id = given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "ficheNumber", 1, "nir", NIR_PARIS, "receivedOn", "2026-11-20",
                        "channel", "COUNTER"))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        JsonPath letters = given().auth().oauth2(DPO_PARIS).get("/api/v1/requests/" + id + "/letters").jsonPath();
        assertEquals(List.of("POSTAL"), letters.getList("delivery"));
        String letterId = letters.getString("[0].id");
        byte[] pdf = given().auth().oauth2(DPO_PARIS).get("/api/v1/requests/" + id + "/letters/" + letterId + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(doc).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("accusé de réception"), text);
        assertTrue(text.contains("au plus tard le lundi 21 décembre 2026"), text);
        assertTrue(text.contains("modèle « Accusé de réception », version 1"), text);
        // the HTML is served to be shown, never to run anything
        given().auth().oauth2(DPO_PARIS).get("/api/v1/requests/" + id + "/letters/" + letterId)
                .then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"));
    }

    @Test
    void smtpDownNeverLosesALetterNorSendsOneTwice() throws Exception {
        String address = newAddress();
        smtp.stopSmtp();
        List<String> ids;
        try {
            ids = List.of(
                    submit(citizen(address), Map.of("type", "ACCESS", "ficheNumber", 1)).getString("id"),
                    submit(citizen(address), Map.of("type", "ACCESS", "ficheNumber", 2)).getString("id"),
                    submit(citizen(address), Map.of("type", "OBJECTION", "ficheNumber", 2)).getString("id"));
            Thread.sleep(5_000); // several relay rounds meet a closed port
            for (String id : ids) {
                assertEquals(List.of("PENDING"), given().auth().oauth2(citizen(address))
                        .get("/api/v1/requests/" + id + "/letters").jsonPath().getList("delivery"));
            }
        } finally {
            smtp.startSmtp();
        }
        List<EmbeddedSmtpServer.Received> received = mailTo(address, 3);
        Thread.sleep(4_000); // more rounds: nothing sent again
        received = smtp.mailbox().stream().filter(m -> m.to().contains(address)).toList();
        assertEquals(3, received.size(), received.toString());
        Map<String, Long> byMessageId = received.stream().collect(Collectors.groupingBy(
                EmbeddedSmtpServer.Received::messageId, Collectors.counting()));
        assertEquals(3, byMessageId.size(), byMessageId.toString());
        for (String id : ids) {
            String letterId = given().auth().oauth2(citizen(address)).get("/api/v1/requests/" + id + "/letters")
                    .jsonPath().getString("[0].id");
            assertTrue(byMessageId.containsKey("<" + letterId + "@rgpd.assurance-maladie.invalid>"), byMessageId.toString());
        }
    }

    @Test
    void theNationalDpoEditsATemplateAfterAPreviewAndLettersKeepTheirVersion() {
        given().auth().oauth2(DPO_PARIS).get("/api/v1/letter-templates").then().statusCode(200);
        JsonPath all = given().auth().oauth2(ADMIN).get("/api/v1/letter-templates").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(9, all.getList("kind").size());
        String body = "<p>Madame, Monsieur,</p><p>Votre demande {request.reference} sera traitée avant le "
                + "<strong>{request.dueOn}</strong>.</p>";
        Map<String, Object> draft = Map.of("subject", "Demande {request.reference} : bien reçue", "body", body,
                "reason", "Texte plus court demandé par le comité des usagers.");
        // a caisse's DPO may not; the national DPO may
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON).body(draft)
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/preview").then().statusCode(403);
        String preview = given().auth().oauth2(NATIONAL_DPO).contentType(ContentType.JSON).body(draft)
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/preview").then().statusCode(200).extract().path("html");
        assertTrue(text(preview).contains("sera traitée avant le lundi 2 mars 2026"), preview);
        // drafts that would not render or not print are refused
        given().auth().oauth2(NATIONAL_DPO).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "body", "<p>{#if request.dueOn}non fermé</p>"))
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/preview").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(NATIONAL_DPO).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "body", "<p>balise non fermée"))
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/preview").then().statusCode(400);
        given().auth().oauth2(NATIONAL_DPO).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "body", "<p>{inconnu.champ}</p>"))
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/preview").then().statusCode(400);
        // saving needs a reason
        given().auth().oauth2(NATIONAL_DPO).contentType(ContentType.JSON).body(Map.of("subject", "x", "body", body))
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/versions").then().statusCode(400);

        String address = newAddress();
        String before = submit(citizen(address), Map.of("type", "ACCESS", "ficheNumber", 1)).getString("id");
        int version = given().auth().oauth2(NATIONAL_DPO).contentType(ContentType.JSON).body(draft)
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/versions").then().statusCode(201).extract().path("version");
        assertTrue(version >= 2);
        String after = submit(citizen(address), Map.of("type", "ACCESS", "ficheNumber", 2)).getString("id");
        List<EmbeddedSmtpServer.Received> mail = mailTo(address, 2);
        assertTrue(mail.stream().anyMatch(m -> m.subject().equals("Demande " + after.substring(0, 8).toUpperCase()
                + " : bien reçue")), mail.toString());
        assertEquals(1, (int) given().auth().oauth2(citizen(address)).get("/api/v1/requests/" + before + "/letters")
                .jsonPath().getInt("[0].templateVersion"));
        assertEquals(version, given().auth().oauth2(citizen(address)).get("/api/v1/requests/" + after + "/letters")
                .jsonPath().getInt("[0].templateVersion"));
        JsonPath versions = given().auth().oauth2(ADMIN).get("/api/v1/letter-templates/ACKNOWLEDGEMENT/versions")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("dpo.cnam", versions.getString("[0].createdBy"));
        assertEquals("Texte plus court demandé par le comité des usagers.", versions.getString("[0].changeReason"));
        // put the delivered text back, for the other tests
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("subject",
                versions.getString("[-1].subject"), "body", versions.getString("[-1].body"), "reason", "Retour au modèle initial."))
                .post("/api/v1/letter-templates/ACKNOWLEDGEMENT/versions").then().statusCode(201);
    }

    @Test
    void eachDpoGetsOneDigestADayWithLateAndSoonDueRequests() {
        String address = newAddress();
        // received 20 October at the counter: due 20 November, late on 26 November
        given().auth().oauth2(DPO_PARIS).contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "ficheNumber", 1, "nir", NIR_PARIS, "receivedOn", "2026-10-20",
                        "channel", "POSTAL", "email", address))
                .post("/api/v1/requests").then().statusCode(201);
        LocalDate day = LocalDate.of(2026, 11, 26);
        QuarkusTransaction.requiringNew().run(() -> Letter.delete("kind = ?1 and digestOn = ?2",
                fr.assurancemaladie.rgpd.rights.letter.law.LetterKind.DPO_DIGEST, day));
        assertTrue(digest.send(day) >= 1);
        assertEquals(0, digest.send(day), "one digest per caisse and day");
        EmbeddedSmtpServer.Received d = mailTo("dpo@cpam-75.assurance-maladie.example", 1).stream()
                .filter(m -> m.subject().contains("point du jeudi 26 novembre 2026")).findFirst().orElseThrow();
        String t = text(d.body());
        assertTrue(t.contains("En retard"), t);
        assertTrue(t.contains("échéance du vendredi 20 novembre 2026"), t);
        assertFalse(t.contains("{"), t);
    }
}
