package fr.assurancemaladie.rgpd.endtoend.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import fr.assurancemaladie.rgpd.infra.EmbeddedPostgresServer;
import fr.assurancemaladie.rgpd.infra.KeycloakServer;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portal in a real Chromium, as people use it: the packaged portal and the three services as separate processes
 * on real PostgreSQL, Kafka and Keycloak, signing in on Keycloak's own login page. The journeys of issue 12 run in
 * order — a citizen reads fiche 1, learns that objection does not apply and why, sends an ACCESS request and gets
 * its récépissé; dpo.paris finds it at the top of the queue, starts it, extends it with a reason and answers it; the
 * citizen reads the answer; dpo.metz never sees it; an editor changes a rule and an admin publishes it — then one
 * journey with the keyboard alone, and what happens when things go wrong (a form without its CSRF token, an expired
 * session, a service down, signing out). Every page of those journeys passes axe-core (no serious or critical
 * violation); every step asserts what the page shows, and the dates shown are compared with the services' answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    static final String PEPPER = "end-to-end-pepper-not-a-secret";
    static final Path MODULE = Path.of(System.getProperty("rgpd.module.dir", ".")).toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    static final DateTimeFormatter FRENCH_SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    ServiceProcess register;
    ServiceProcess rights;
    ServiceProcess retention;
    ServiceProcess portal;
    KeycloakServer keycloak;
    PlatformCalls platform;
    BrowserSession browser;

    /** The citizen's browser: signed in once, used through the journeys that follow. */
    Page citizen;
    String requestId;

    @BeforeAll
    void startThePlatformAndTheBrowser() throws Exception {
        browser = new BrowserSession(MODULE.resolve("target/screenshots"));
        SharedInfra infra = SharedInfra.get();
        keycloak = TestInfrastructure.keycloak();
        platform = new PlatformCalls(keycloak.url());
        register = service(infra, "register-service", "portal_register", Map.of());
        rights = service(infra, "rights-service", "portal_rights", TestInfrastructure.smtpSettings("rgpd.rights.letters.smtp"));
        retention = service(infra, "retention-service", "portal_retention", Map.of());
        for (ServiceProcess s : List.of(register, rights, retention)) {
            s.awaitReady(Duration.ofMinutes(3));
        }
        Map<String, String> portalConfig = new LinkedHashMap<>();
        portalConfig.put("quarkus.oidc.credentials.secret", "rgpd-portal-dev-secret");
        portalConfig.put("rgpd.portal.session.key", "ZW5kLXRvLWVuZC1zZXNzaW9uLWtleS0zMi1ieXRlcyE=");
        // the test serves plain http on 127.0.0.1: the only case where the cookies are not Secure
        portalConfig.put("quarkus.oidc.authentication.cookie-force-secure", "false");
        portalConfig.put("quarkus.rest-client.register.url", register.uri("").toString());
        portalConfig.put("quarkus.rest-client.rights.url", rights.uri("").toString());
        portalConfig.put("quarkus.rest-client.retention.url", retention.uri("").toString());
        portal = service(infra, "portal", "portal_sessions", portalConfig);
        portal.awaitReady(Duration.ofMinutes(3));
        platform.allowRedirects("rgpd-portal", origin());
    }

    @AfterAll
    void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        for (ServiceProcess s : new ServiceProcess[] {portal, retention, rights, register}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    @Order(1)
    void anyoneReadsTheRegisterWithoutSigningIn() {
        Page page = browser.newPerson();
        page.navigate(url("/"));
        browser.assertAccessible(page, "accueil");
        browser.screenshot(page, "accueil");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Le registre").setExact(true)).first()
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Le registre des traitements");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("87 traitements");
        browser.assertAccessible(page, "registre");
        browser.screenshot(page, "registre");

        page.getByLabel("Rechercher un traitement").fill("affiliation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.locator("main")).containsText("Gérer les immatriculations et les affiliations");
        browser.assertAccessible(page, "registre : recherche");

        // a filter on a right: only the fiches where the register says objection applies
        page.navigate(url("/registre"));
        page.getByLabel("Droit qui s'applique").selectOption("objection");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(Pattern.compile("\\d+ traitements?"));
        assertThat(page.locator("main a[href='/registre/fiches/1']")).hasCount(0);

        page.navigate(url("/registre/imprimer"));
        assertThat(page.locator("main")).containsText("Gérer les immatriculations et les affiliations");
        browser.assertAccessible(page, "registre imprimable");
        page.context().close();
    }

    @Test
    @Order(2)
    void aCitizenReadsFiche1LearnsWhyObjectionDoesNotApplyAndSendsAccess() throws Exception {
        citizen = browser.newPerson();
        Page page = citizen;
        page.navigate(url("/registre/fiches/1"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Gérer les immatriculations et les affiliations");
        Locator objection = page.locator("#droit-objection");
        assertThat(objection).containsText("Non");
        assertThat(objection).containsText("Obligation légale");
        browser.assertAccessible(page, "fiche 1");
        browser.screenshot(page, "fiche-1");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Exercer un droit sur ce traitement"))
                .click();
        signInOnKeycloak(page, "citoyen.paris");
        assertTrue(page.url().startsWith(url("/mes-demandes/nouvelle")), page.url());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Exercer un droit");
        browser.assertAccessible(page, "formulaire de demande");
        theBrowserHoldsNoToken(page);

        // the register's answer before sending: objection does not apply to fiche 1, and why
        page.getByLabel("Opposition").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
        Locator banner = page.locator(".govuk-notification-banner");
        assertThat(banner).containsText("le droit d'opposition ne s'applique pas à ce traitement");
        assertThat(banner).containsText("Obligation légale");
        assertThat(banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Envoyer ma demande malgré tout"))).isVisible();
        browser.assertAccessible(page, "formulaire : le droit ne s'applique pas");
        browser.screenshot(page, "droit-non-applicable");

        page.getByLabel("Accès aux données").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
        assertThat(page.locator(".govuk-panel")).containsText("Demande envoyée");
        requestId = page.url().replaceAll(".*/mes-demandes/([0-9a-f-]{36}).*", "$1");
        JsonNode sent = platform.get(rights.uri(""), "/api/v1/requests/" + requestId, "citoyen.paris");
        LocalDate dueOn = LocalDate.parse(sent.get("dueOn").asText());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertEquals("ACCESS", sent.get("type").asText());
        assertEquals("CPAM-75", sent.at("/caisse/code").asText());
        assertFalse(dueOn.isBefore(today.plusMonths(1)), "one calendar month at least: " + dueOn);
        assertThat(page.locator(".govuk-panel")).containsText(FRENCH_DAY.format(dueOn));
        browser.assertAccessible(page, "demande envoyée");
        browser.screenshot(page, "demande-envoyee");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Afficher et imprimer le récépissé")).click();
        Locator receipt = page.locator("#recepisse");
        assertThat(receipt).containsText(requestId);
        assertThat(receipt).containsText(FRENCH_DAY.format(today));
        assertThat(receipt).containsText(FRENCH_DAY.format(dueOn));
        JsonNode caisse = platform.get(rights.uri(""), "/api/v1/caisses/CPAM-75", "citoyen.paris");
        assertThat(receipt).containsText(caisse.at("/dpo/email").asText("dpo@"));
        browser.assertAccessible(page, "récépissé");
        browser.screenshot(page, "recepisse");

        page.navigate(url("/mes-demandes"));
        Locator row = page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText("fiche 1"));
        assertThat(row).containsText("Reçue");
        assertThat(row).containsText(FRENCH_SHORT_DAY.format(dueOn));
        browser.assertAccessible(page, "mes demandes");
    }

    @Test
    @Order(3)
    void dpoParisFindsItAtTheTopOfTheQueueStartsExtendsAndAnswersIt() throws Exception {
        assertNotNull(requestId, "the citizen's request");
        Page page = browser.newPerson();
        page.navigate(url("/dpo"));
        signInOnKeycloak(page, "dpo.paris");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("File des demandes");
        assertThat(page.locator("#compteurs")).containsText("1 demande ouverte");
        Locator first = page.locator("#file tbody tr").first();
        assertThat(first.getByRole(AriaRole.LINK)).hasAttribute("href", "/dpo/demandes/" + requestId);
        assertThat(first).containsText("Reçue");
        assertThat(first).containsText(Pattern.compile("\\d+ jours"));
        browser.assertAccessible(page, "file DPO");
        browser.screenshot(page, "file-dpo");

        first.getByRole(AriaRole.LINK).click();
        JsonNode before = platform.get(rights.uri(""), "/api/v1/requests/" + requestId, "dpo.paris");
        assertThat(page.locator("#echeance")).containsText(FRENCH_DAY.format(LocalDate.parse(
                before.get("dueOn").asText())));
        assertThat(page.locator("#echeance")).containsText(before.at("/deadline/explanation").asText());
        assertThat(page.locator("main")).containsText("Applicabilité du droit, fiche par fiche");
        // only what the workflow allows now: a received request is started, not yet answered
        assertThat(page.locator("#action-START")).isVisible();
        assertThat(page.locator("#action-ANSWER")).hasCount(0);
        browser.assertAccessible(page, "demande (DPO)");

        page.locator("#action-START").click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Demande prise en charge.");
        assertThat(page.locator(".govuk-summary-list .govuk-tag").first()).hasText("En cours de traitement");

        // an extension without its reasons: the service's French message, next to the field
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prolonger le délai")).click();
        Locator reasons = page.getByLabel("Motifs de la prolongation");
        assertThat(page.locator("#err-EXTEND")).containsText("motivée");
        assertThat(reasons).hasAttribute("aria-describedby", Pattern.compile("err-EXTEND"));
        assertTrue(page.title().startsWith("Erreur"), page.title());
        browser.assertAccessible(page, "prolongation sans motif");

        String reason = "Demande portant sur vingt ans d'historique de remboursements.";
        reasons.fill(reason);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prolonger le délai")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Délai prolongé");
        JsonNode extended = platform.get(rights.uri(""), "/api/v1/requests/" + requestId, "dpo.paris");
        LocalDate extendedDue = LocalDate.parse(extended.get("dueOn").asText());
        assertTrue(extendedDue.isAfter(LocalDate.parse(before.get("dueOn").asText()).plusMonths(1)), "two months more");
        assertThat(page.locator("#echeance")).containsText(FRENCH_DAY.format(extendedDue));
        assertThat(page.locator("#echeance")).containsText("délai prolongé");
        assertThat(page.locator("main")).containsText("Motif : " + reason);

        String answer = "Vous trouverez ci-joint la copie des données vous concernant.";
        page.getByLabel("Réponse à la personne").fill(answer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Répondre")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Réponse enregistrée");
        assertThat(page.locator(".govuk-summary-list .govuk-tag").first()).hasText("Répondue");
        assertThat(page.locator("main")).containsText(answer);
        assertThat(page.locator("#action-ANSWER")).hasCount(0);
        // the letters the person got, each with its PDF to print when it must be posted
        assertThat(page.locator("#courriers")).containsText("Avis de prolongation du délai");
        assertThat(page.locator("#courriers")).containsText("Réponse à votre demande");
        assertThat(page.locator("#courriers a[href$='/pdf']")).hasCount(3);
        browser.assertAccessible(page, "demande répondue (DPO)");
        browser.screenshot(page, "demande-dpo");

        page.navigate(url("/dpo/journal"));
        assertThat(page.locator("main table")).containsText("Prolongation du délai — " + reason);
        browser.assertAccessible(page, "journal");
        page.navigate(url("/dpo/conservation"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Conservation et suppressions");
        browser.assertAccessible(page, "conservation");
        page.navigate(url("/dpo/enregistrer"));
        assertThat(page.getByLabel("Adresse électronique de la personne (facultatif)")).isVisible();
        browser.assertAccessible(page, "demande reçue hors ligne");
        page.context().close();
    }

    @Test
    @Order(4)
    void theCitizenReadsTheAnswer() {
        Page page = citizen;
        page.navigate(url("/mes-demandes/" + requestId));
        assertThat(page.locator("main .govuk-tag").first()).hasText("Répondue");
        assertThat(page.locator("#reponse")).containsText("Vous trouverez ci-joint la copie des données vous concernant.");
        assertThat(page.locator("main")).containsText("réclamation à la CNIL");
        assertThat(page.locator("#etapes")).containsText("Délai prolongé");
        // the letters of each step, kept as sent, in the timeline and in their own table
        assertThat(page.locator("#courriers")).containsText("Accusé de réception");
        assertThat(page.locator("#courriers")).containsText("Avis de prolongation du délai");
        assertThat(page.locator("#courriers")).containsText("Réponse à votre demande");
        assertThat(page.locator("#etapes")).containsText("Courrier : Avis de prolongation du délai");
        browser.assertAccessible(page, "réponse lue par la personne");
        browser.screenshot(page, "reponse");
        page.locator("#courriers").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Avis de prolongation du délai").setExact(true)).click();
        assertThat(page.locator("body")).containsText("prolonge ce délai de deux mois");
        assertThat(page.locator("body")).containsText("www.cnil.fr/fr/plaintes");
        page.goBack();
        com.microsoft.playwright.Download pdf = page.waitForDownload(() -> page.locator("#courriers a[href$='/pdf']")
                .first().click());
        assertTrue(pdf.suggestedFilename().endsWith(".pdf"), pdf.suggestedFilename());
    }

    @Test
    @Order(4)
    void anyoneReadsTheStatisticsWithoutSigningIn() {
        Page page = browser.newPerson();
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statistiques des demandes")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Statistiques des demandes RGPD");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName(Pattern.compile("Demandes reçues par droit")))).isVisible();
        assertThat(page.locator("#national")).containsText("Demandes reçues");
        // the few requests of this test are secret: NS, never a figure from 1 to 10
        assertThat(page.locator("#national")).containsText("NS");
        for (String cell : page.locator("#national td").allTextContents()) {
            assertFalse(cell.strip().matches("([1-9]|10)"), "a secret figure is shown: " + cell);
        }
        browser.assertAccessible(page, "statistiques");
        browser.screenshot(page, "statistiques");
        page.getByLabel("Trimestre").selectOption(page.locator("#trimestre option").nth(1).getAttribute("value"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Statistiques des demandes RGPD");
        page.context().close();
    }

    @Test
    @Order(5)
    void dpoMetzNeverSeesIt() {
        Page page = browser.newPerson();
        page.navigate(url("/dpo"));
        signInOnKeycloak(page, "dpo.metz");
        assertThat(page.locator("main")).containsText("CPAM-57");
        assertThat(page.locator("main a[href='/dpo/demandes/" + requestId + "']")).hasCount(0);
        Response direct = page.navigate(url("/dpo/demandes/" + requestId));
        assertEquals(404, direct.status());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Page introuvable");
        assertThat(page.locator("main")).not().containsText("Vous trouverez ci-joint");
        browser.assertAccessible(page, "page introuvable");
        page.context().close();
    }

    @Test
    @Order(6)
    void theNationalDpoEditsALetterTemplateAfterAPreview() {
        Page page = browser.newPerson();
        page.navigate(url("/modeles"));
        signInOnKeycloak(page, "dpo.cnam");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Modèles de courrier");
        assertThat(page.locator("#modeles tbody tr")).hasCount(9);
        browser.assertAccessible(page, "modèles de courrier");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accusé de réception").setExact(true)).click();
        Locator body = page.getByLabel("Corps du courrier (XHTML et Qute)");
        String original = body.inputValue();
        assertTrue(original.contains("{request.dueOn}"), original);
        browser.assertAccessible(page, "modèle : accusé de réception");

        // a body that would not print is refused, next to the field
        body.fill("<p>Votre demande {request.reference} est bien reçue.");
        page.getByLabel("Raison de la modification").fill("Texte plus court.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).click();
        assertThat(page.locator("#corps-erreur")).containsText("XHTML");
        assertTrue(page.title().startsWith("Erreur"), page.title());
        browser.assertAccessible(page, "modèle refusé");

        // the preview, in a new tab: the letter as the person would receive it, with sample data
        body.fill("<p>Votre demande {request.reference} est bien reçue ; réponse au plus tard le {request.dueOn}.</p>");
        Page preview = page.context().waitForPage(() -> page.locator("#apercu").click());
        preview.waitForLoadState();
        assertThat(preview.locator("body")).containsText("réponse au plus tard le lundi 2 mars 2026");
        preview.close();

        page.getByLabel("Raison de la modification").fill("Texte plus court demandé par le comité des usagers.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("enregistrée");
        assertThat(page.locator("#versions")).containsText("Texte plus court demandé par le comité des usagers.");
        // and back to the delivered text, as a version of its own
        page.getByLabel("Corps du courrier (XHTML et Qute)").fill(original);
        page.getByLabel("Raison de la modification").fill("Retour au modèle initial.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("enregistrée");
        page.context().close();
    }

    @Test
    @Order(6)
    void anEditorChangesARuleAndAnAdminPublishesIt() {
        Page editor = browser.newPerson();
        editor.navigate(url("/editeur"));
        signInOnKeycloak(editor, "editeur");
        Locator fiche18 = editor.locator("main a[href='/editeur/fiches/18']");
        assertThat(fiche18).isVisible();
        browser.assertAccessible(editor, "éditeur : règles à revoir");
        fiche18.click();
        Locator rule = editor.locator("form").filter(new Locator.FilterOptions().setHasText("Enregistrer la règle 3"));
        assertThat(rule).containsText("à revoir");
        browser.assertAccessible(editor, "éditeur : fiche 18");
        rule.getByLabel("Durée").fill("P10Y");
        rule.getByLabel("À compter de").selectOption("COLLECTION");
        rule.getByLabel("Puis").selectOption("DESTRUCTION");
        rule.getByLabel("Statut de la règle").selectOption("STRUCTURED");
        rule.getByRole(AriaRole.BUTTON).click();
        assertThat(editor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Brouillon : ce qui change");
        Locator diff = editor.locator("#differences");
        assertThat(diff).containsText("Règles de conservation");
        assertThat(diff.locator("ins")).containsText("10 ans");
        assertThat(editor.locator("main")).containsText("La publication revient à un administrateur");
        browser.assertAccessible(editor, "brouillon");
        browser.screenshot(editor, "brouillon");
        editor.context().close();

        Page admin = browser.newPerson();
        admin.navigate(url("/editeur/fiches/18/brouillon"));
        signInOnKeycloak(admin, "admin");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Publier la version"))).click();
        assertThat(admin.locator(".govuk-notification-banner")).containsText("La fiche 18 est publiée");
        browser.assertAccessible(admin, "publiée");
        admin.navigate(url("/registre/fiches/18"));
        assertThat(admin.locator("main")).containsText("10 ans à compter de : collecte");
        admin.context().close();
    }

    @Test
    @Order(7)
    void aCitizenAsksForARectificationWithTheKeyboardAlone() {
        Page page = browser.newPerson();
        page.navigate(url("/"));
        Keyboard keys = new Keyboard(page);
        keys.tabTo("a", "Aller au contenu"); // the first stop is the skip link
        keys.tabTo("a", "Mes demandes");
        page.keyboard().press("Enter");
        // Keycloak's page: the user name field has the focus
        page.waitForSelector("#username");
        assertEquals("username", page.evaluate("document.activeElement.id"));
        page.keyboard().type("citoyen.metz");
        page.keyboard().press("Tab");
        page.keyboard().type("citoyen.metz");
        page.keyboard().press("Enter");
        page.waitForURL(url("/mes-demandes"));
        keys.tabTo("a", "Faire une demande");
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/mes-demandes/nouvelle.*"));
        // the first radio, then the arrows within the group, as a keyboard user does
        keys.tabTo("input", "Accès aux données");
        page.keyboard().press("ArrowDown");
        assertTrue((Boolean) page.evaluate("document.getElementById('type-RECTIFICATION').checked"));
        keys.tabTo("input", "Un traitement du registre");
        page.keyboard().press("Space");
        page.keyboard().press("Tab");
        page.keyboard().type("1");
        // sent without the exact value: the error is announced and linked to the field
        keys.tabTo("button", "Continuer");
        page.keyboard().press("Enter");
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("rectification");
        browser.assertAccessible(page, "rectification sans valeur");
        keys.tabTo("textarea", "Pour une rectification : la donnée exacte");
        page.keyboard().type("Mon adresse est 3 rue des Clercs, 57000 Metz");
        keys.tabTo("button", "Continuer");
        page.keyboard().press("Enter");
        assertThat(page.locator(".govuk-panel")).containsText("Demande envoyée");
        assertThat(page.locator("main")).containsText("Mon adresse est 3 rue des Clercs, 57000 Metz");
        browser.assertAccessible(page, "rectification envoyée");
        keys.tabTo("a", "Afficher et imprimer le récépissé");
        page.keyboard().press("Enter");
        assertThat(page.locator("#recepisse")).containsText("Rectification");
        page.context().close();
    }

    @Test
    @Order(8)
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        var reply = citizen.context().request().post(url("/mes-demandes/nouvelle"), RequestOptions.create()
                .setForm(FormData.create().set("type", "ACCESS").set("portee", "ALL")).setMaxRedirects(0));
        assertEquals(403, reply.status());
        assertTrue(reply.text().contains("Accès refusé") || reply.text().contains("formulaire"), reply.text());
        citizen.navigate(url("/mes-demandes"));
        assertThat(citizen.locator("table tbody tr")).hasCount(1);
    }

    @Test
    @Order(9)
    void anExpiredSessionSignsInAgainAndComesBackToThePage() {
        String target = url("/mes-demandes/" + requestId);
        // the portal's session is gone (expired, or the cookie cleared), Keycloak's too
        citizen.context().clearCookies();
        citizen.navigate(target);
        signInOnKeycloak(citizen, "citoyen.paris");
        assertEquals(target, citizen.url());
        assertThat(citizen.locator("#reponse")).containsText("Vous trouverez ci-joint");
    }

    @Test
    @Order(10)
    void aServiceThatIsDownGivesAClearPage() throws Exception {
        rights.close();
        try {
            Response r = citizen.navigate(url("/mes-demandes"));
            assertEquals(503, r.status());
            assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Service momentanément indisponible");
            assertThat(citizen.locator("body")).not().containsText("Exception");
            assertThat(citizen.locator("body")).not().containsText("at fr.");
            browser.assertAccessible(citizen, "service indisponible");
        } finally {
            rights.restart();
            rights.awaitReady(Duration.ofMinutes(3));
        }
        citizen.navigate(url("/mes-demandes"));
        assertThat(citizen.locator("table tbody tr")).hasCount(1);
    }

    @Test
    @Order(11)
    void signingOutEndsTheKeycloakSessionToo() {
        citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Se déconnecter")))
                .click();
        try {
            citizen.waitForURL(Pattern.compile(Pattern.quote(url("/deconnecte")) + "(\\?.*)?"));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("signed out, but on " + citizen.url() + ": " + citizen.locator("body").innerText());
        }
        assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Vous êtes déconnecté");
        assertThat(citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter"))).isVisible();
        browser.assertAccessible(citizen, "déconnecté");
        // back to a page that needs a person: Keycloak asks again (its session ended with the portal's)
        citizen.navigate(url("/mes-demandes"));
        assertThat(citizen.locator("#kc-login")).isVisible();
        citizen.context().close();
        assertTrue(browser.checkedPages().size() >= 25, "axe-core ran on " + browser.checkedPages());
    }

    /**
     * Backend for frontend: the portal's cookies (path /, Keycloak's own are under /realms/) hold no token, its
     * session cookie is HttpOnly and SameSite, and nothing is in the page's storage or source.
     */
    static void theBrowserHoldsNoToken(Page page) {
        List<com.microsoft.playwright.options.Cookie> cookies = page.context().cookies(page.url()).stream()
                .filter(c -> !c.path.startsWith("/realms")).toList();
        assertTrue(cookies.stream().anyMatch(c -> c.name.startsWith("q_session")), "a session cookie: " + cookies);
        for (var c : cookies) {
            assertFalse(c.value.contains("eyJ"), c.name + " holds no JWT");
            assertTrue(c.httpOnly, c.name + " is HttpOnly");
            assertTrue(c.sameSite == com.microsoft.playwright.options.SameSiteAttribute.LAX
                    || c.sameSite == com.microsoft.playwright.options.SameSiteAttribute.STRICT, c.name + " is SameSite");
        }
        assertEquals("{}{}", page.evaluate("JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"));
        assertFalse(page.content().contains("eyJ"), "no token in the page");
    }

    /** Keycloak's real login page, in French: the user name, the password, the button. */
    void signInOnKeycloak(Page page, String username) {
        assertTrue(page.url().startsWith(keycloak.url() + "/realms/rgpd/"), "Keycloak's page: " + page.url());
        assertEquals("fr", page.locator("html").getAttribute("lang"));
        assertThat(page.locator("#kc-login")).isVisible();
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        page.waitForURL(u -> u.startsWith(origin()));
    }

    String origin() {
        return "http://127.0.0.1:" + portal.port();
    }

    String url(String path) {
        return origin() + path;
    }

    static ServiceProcess service(SharedInfra infra, String name, String database, Map<String, String> extra)
            throws Exception {
        KeycloakServer keycloak = TestInfrastructure.keycloak();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(infra.newDatabase(database)));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        config.put("rgpd.pseudonymisation.pepper", PEPPER);
        config.putAll(extra);
        return ServiceProcess.start(ROOT.resolve(name), name + "-browser", config);
    }

    /** Tab through the page as a keyboard user, until the focus is on the element wanted (its text or label). */
    static final class Keyboard {
        private final Page page;

        Keyboard(Page page) {
            this.page = page;
        }

        void tabTo(String tag, String name) {
            for (int i = 0; i < 80; i++) {
                page.keyboard().press("Tab");
                Object focused = page.evaluate("""
                        () => { const e = document.activeElement; if (!e) return null;
                          const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
                          const style = getComputedStyle(e);
                          const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none'
                            || style.backgroundColor !== getComputedStyle(e.parentElement).backgroundColor;
                          return e.tagName.toLowerCase() + '|' + (label || e.innerText || e.value || '').trim()
                            + '|' + visible; }""");
                String[] f = String.valueOf(focused).split("\\|", -1);
                if (f.length == 3 && f[0].equals(tag) && f[1].startsWith(name)) {
                    assertEquals("true", f[2], "the focus on « " + name + " » is visible");
                    return;
                }
            }
            throw new AssertionError("« " + name + " » (" + tag + ") cannot be reached with Tab on " + page.url());
        }
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
