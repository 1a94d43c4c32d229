package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.AboutRequest;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.AccessPart;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.Decision;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.FicheLine;
import fr.assurancemaladie.rgpd.rights.letter.LetterFacts.FicheSummary;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The letters' templates: version 1 of each comes with the service ({@code letters/<KIND>.html} and
 * {@code letters/subjects.properties}) and is stored at start-up when absent; the national DPO (a DPO of the Cnam) or
 * an admin writes the next versions, after a preview with sample data. A version is never changed.
 */
@ApplicationScoped
public class LetterTemplates {

    /** A template version as the API shows it. */
    public record TemplateView(String kind, String label, int version, String subject, String body, String createdBy,
            Instant createdAt, String changeReason) {
        static TemplateView of(LetterTemplate t) {
            return new TemplateView(t.kind.name(), t.kind.label(), t.version, t.subject, t.body, t.createdBy, t.createdAt,
                    t.changeReason);
        }
    }

    /** A new version, or a draft to preview. */
    public record Draft(String subject, String body, String reason) {
    }

    /** What a preview shows: the subject and the page, rendered with sample data. */
    public record Preview(String kind, String subject, String html) {
    }

    /** Who edits templates: an admin, or the national DPO. */
    public record Editor(String username, boolean admin, boolean nationalDpo) {
    }

    @Inject
    LetterRenderer renderer;

    void seed(@Observes StartupEvent event) {
        Properties subjects = new Properties();
        try (Reader in = new InputStreamReader(Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("letters/subjects.properties"), StandardCharsets.UTF_8)) {
            subjects.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (LetterKind kind : LetterKind.values()) {
            String body = LetterRenderer.resource("letters/" + kind.name() + ".html");
            QuarkusTransaction.requiringNew().run(() -> LetterTemplate.getEntityManager().createNativeQuery(
                    "insert into letter_template (kind, version, subject, body, created_by, change_reason) "
                            + "values (:kind, 1, :subject, :body, 'rights-service', 'Modèle initial livré avec le service') "
                            + "on conflict do nothing")
                    .setParameter("kind", kind.name()).setParameter("subject", subjects.getProperty(kind.name()))
                    .setParameter("body", body).executeUpdate());
        }
    }

    @Transactional
    public List<TemplateView> current() {
        List<TemplateView> out = new ArrayList<>();
        for (LetterKind kind : LetterKind.values()) {
            LetterTemplate.current(kind).map(TemplateView::of).ifPresent(out::add);
        }
        return out;
    }

    @Transactional
    public List<TemplateView> versions(String kind) {
        return LetterTemplate.<LetterTemplate>list("kind = ?1 order by version desc", kind(kind)).stream()
                .map(TemplateView::of).toList();
    }

    @Transactional
    public TemplateView version(String kind, int version) {
        LetterTemplate t = LetterTemplate.findById(new LetterTemplate.Key(kind(kind), version));
        if (t == null) {
            throw ProblemException.notFound("Cette version du modèle n'existe pas.");
        }
        return TemplateView.of(t);
    }

    /** Renders a draft with sample data; refuses one that would not render, on screen or on paper. */
    public Preview preview(Editor editor, String kind, Draft draft) {
        allowed(editor);
        LetterKind k = kind(kind);
        checkDraft(draft, false);
        LetterRenderer.Rendered r = render(k, 0, draft);
        return new Preview(k.name(), r.subject(), r.html());
    }

    /** Saves the next version, after the same checks as a preview. */
    @Transactional
    public TemplateView save(Editor editor, String kind, Draft draft) {
        allowed(editor);
        LetterKind k = kind(kind);
        checkDraft(draft, true);
        int next = LetterTemplate.current(k).map(t -> t.version + 1).orElse(1);
        render(k, next, draft);
        LetterTemplate t = new LetterTemplate();
        t.kind = k;
        t.version = next;
        t.subject = draft.subject().strip();
        t.body = draft.body();
        t.createdBy = editor.username();
        t.createdAt = Instant.now();
        t.changeReason = draft.reason().strip();
        t.persist();
        LetterTemplate.getEntityManager().flush(); // two editors saving the same version: one of them gets 409
        return TemplateView.of(t);
    }

    private LetterRenderer.Rendered render(LetterKind kind, int version, Draft draft) {
        try {
            return renderer.preview(kind, version, draft.subject(), draft.body(), sample(kind));
        } catch (LetterRenderer.InvalidTemplate e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static void allowed(Editor editor) {
        if (!editor.admin() && !editor.nationalDpo()) {
            throw ProblemException.forbidden("Seuls le délégué national à la protection des données (Cnam) et les "
                    + "administrateurs modifient les modèles de courrier.");
        }
    }

    private static void checkDraft(Draft d, boolean saving) {
        if (d == null || d.subject() == null || d.subject().isBlank() || d.body() == null || d.body().isBlank()) {
            throw ProblemException.badRequest("Indiquez l'objet (subject) et le corps (body) du modèle.");
        }
        if (d.subject().length() > 300 || d.body().length() > 50_000) {
            throw ProblemException.badRequest("L'objet ne doit pas dépasser 300 caractères, ni le corps 50 000.");
        }
        if (!TextHygiene.isCleanLine(d.subject()) || !TextHygiene.isCleanText(d.body())) {
            throw ProblemException.badRequest("Le modèle contient des caractères de contrôle : ils ne sont pas acceptés.");
        }
        if (saving && (d.reason() == null || d.reason().isBlank() || d.reason().length() > 2000
                || !TextHygiene.isCleanText(d.reason()))) {
            throw ProblemException.badRequest("Indiquez la raison de la modification (reason, 2 000 caractères au plus).");
        }
    }

    static LetterKind kind(String kind) {
        try {
            return LetterKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Ce modèle de courrier n'existe pas.");
        }
    }

    /** Sample data: every name a template may use, with plausible values. */
    static Map<String, Object> sample(LetterKind kind) {
        CaisseInfo caisse = new CaisseInfo("CPAM-75", "CPAM de Paris", "75", "dpo@exemple.invalid",
                "Délégué à la protection des données, 75000 Paris");
        if (kind == LetterKind.DPO_DIGEST) {
            return DpoDigest.data(caisse, LocalDate.of(2026, 3, 2),
                    List.of(new DpoDigest.Line("A1B2C3D4", "droit d'accès", "lundi 23 février 2026", "en cours")),
                    List.of(new DpoDigest.Line("E5F6A7B8", "droit à l'effacement", "jeudi 5 mars 2026", "reçue")));
        }
        AboutRequest request = new AboutRequest(UUID.fromString("a1b2c3d4-0000-4000-8000-000000000000"), RightType.ACCESS,
                "DOMAIN", LocalDate.of(2026, 1, 30), LocalDate.of(2026, 3, 2), caisse.code(), "personne@exemple.invalid",
                List.of(new FicheLine(1, "Gestion des bénéficiaires", true, "Le droit s'applique."),
                        new FicheLine(2, "Remboursement des soins", false, "Obligation légale (article 17, paragraphe 3).")));
        Decision decision = new Decision("Motif d'exemple, tel que le DPO l'écrit.", "Réponse d'exemple du DPO.",
                "OTHER", LocalDate.of(2026, 3, 2), List.of("Organismes complémentaires", "Professionnels de santé"),
                new AccessPart(List.of(new FicheSummary(1, "Gestion des bénéficiaires", "Affiliation", "Obligation légale",
                        "Identité, NIR", "Organismes complémentaires", "5 ans")), "Source d'exemple.",
                        "Aucune décision automatisée.", "Vos droits."));
        return Letters.data(request, decision, caisse, LocalDate.of(2026, 2, 2));
    }
}
