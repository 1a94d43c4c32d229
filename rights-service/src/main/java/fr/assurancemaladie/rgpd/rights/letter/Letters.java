package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory;
import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.AboutRequest;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.Decision;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.FicheLine;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterLaw;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import fr.assurancemaladie.rgpd.rights.time.RightsClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes letters: the current version of the kind's template, rendered with the request's facts, kept with that
 * version, in the transaction of the step that causes it. A letter with an address waits for the mail relay
 * ({@link LetterOutbox}); without one it is for the post (its PDF).
 */
@ApplicationScoped
public class Letters {

    static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    @Inject
    LetterRenderer renderer;

    @Inject
    CaisseDirectory caisses;

    @Inject
    RightsClock clock;

    /** Writes one letter about a request, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Letter write(LetterKind kind, AboutRequest request, Decision decision) {
        CaisseInfo caisse = caisses.get(request.caisseCode()).orElseThrow();
        LetterTemplate template = LetterTemplate.current(kind).orElseThrow(() -> new IllegalStateException(
                "No template for letter " + kind));
        LetterRenderer.Rendered rendered = renderer.render(template, data(request, decision, caisse, clock.today()));
        Letter l = new Letter();
        l.id = UUID.randomUUID();
        l.requestId = request.id();
        l.caisseCode = caisse.code();
        l.kind = kind;
        l.templateVersion = template.version;
        l.recipient = request.email();
        l.subject = rendered.subject();
        l.html = rendered.html();
        l.createdAt = Instant.now();
        l.delivery = l.recipient == null ? Letter.Delivery.POSTAL : Letter.Delivery.PENDING;
        l.persist();
        return l;
    }

    /** The letters of a request, oldest first. */
    public List<Letter> ofRequest(UUID requestId) {
        return Letter.ofRequest(requestId);
    }

    /** The data a letter's template reads (see docs/letters.md for the names). */
    static Map<String, Object> data(AboutRequest r, Decision d, CaisseInfo caisse, LocalDate today) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("today", today.format(FRENCH_DAY));
        data.put("reference", reference(r.id()));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reference", reference(r.id()));
        request.put("right", label(r.type()));
        request.put("rightShort", shortLabel(r.type()));
        request.put("scope", switch (r.scope()) {
            case "FICHE" -> "un traitement";
            case "DOMAIN" -> "un domaine du registre";
            default -> "l'ensemble des traitements";
        });
        request.put("receivedOn", r.receivedOn().format(FRENCH_DAY));
        request.put("dueOn", r.dueOn().format(FRENCH_DAY));
        data.put("request", request);
        data.put("caisse", caisse(caisse));
        data.put("fiches", r.fiches().stream().map(Letters::fiche).toList());
        data.put("reason", d.reason() == null ? "" : d.reason());
        data.put("answer", d.answer() == null ? "" : d.answer());
        data.put("ground", d.ground() == null ? "" : groundLabel(d.ground()));
        data.put("firstDueOn", d.firstDueOn() == null ? "" : d.firstDueOn().format(FRENCH_DAY));
        data.put("recipients", d.recipients());
        data.put("summary", d.summary() == null ? null : summary(d.summary()));
        data.put("cnilRoute", LetterLaw.CNIL_ROUTE);
        data.put("courtRoute", LetterLaw.COURT_ROUTE);
        return data;
    }

    static Map<String, Object> caisse(CaisseInfo caisse) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", caisse.code());
        c.put("name", caisse.name());
        c.put("dpoEmail", caisse.dpoEmail());
        c.put("dpoPostalAddress", caisse.dpoPostalAddress());
        return c;
    }

    private static Map<String, Object> fiche(FicheLine f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("title", f.title() == null ? "" : f.title());
        m.put("applies", f.applies());
        m.put("reason", f.reason() == null ? "" : f.reason());
        return m;
    }

    private static Map<String, Object> summary(LetterFacts.AccessPart a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fiches", a.fiches().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("number", f.number());
            x.put("title", f.title() == null ? "" : f.title());
            x.put("purposes", f.purposes());
            x.put("legalBases", f.legalBases());
            x.put("data", f.data());
            x.put("recipients", f.recipients());
            x.put("retention", f.retention());
            return x;
        }).toList());
        m.put("source", a.source());
        m.put("automated", a.automated());
        m.put("rights", a.rights());
        return m;
    }

    /** The short reference people quote: the first eight characters of the request's id, in capitals. */
    public static String reference(UUID id) {
        return id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public static String label(RightType type) {
        return switch (type) {
            case ACCESS -> "droit d'accès";
            case RECTIFICATION -> "droit de rectification";
            case LIMITATION -> "droit à la limitation du traitement";
            case OBJECTION -> "droit d'opposition";
            case ERASURE -> "droit à l'effacement";
            case PORTABILITY -> "droit à la portabilité";
        };
    }

    private static String shortLabel(RightType type) {
        return switch (type) {
            case ACCESS -> "demande d'accès";
            case RECTIFICATION -> "rectification";
            case LIMITATION -> "limitation";
            case OBJECTION -> "opposition";
            case ERASURE -> "effacement";
            case PORTABILITY -> "demande de portabilité";
        };
    }

    static String groundLabel(String ground) {
        return switch (ground) {
            case "MANIFESTLY_UNFOUNDED" -> "demande manifestement infondée (article 12, paragraphe 5 du RGPD)";
            case "EXCESSIVE" -> "demande excessive, notamment par son caractère répétitif (article 12, paragraphe 5 du RGPD)";
            case "IDENTITY_NOT_ESTABLISHED" -> "identité du demandeur non établie (articles 11 et 12, paragraphe 6 du RGPD)";
            default -> "motif précisé ci-dessous";
        };
    }
}
