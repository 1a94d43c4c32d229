package fr.assurancemaladie.rgpd.portal.letters;

import fr.assurancemaladie.rgpd.portal.api.RightsApi;
import fr.assurancemaladie.rgpd.portal.web.LetterResponses;
import fr.assurancemaladie.rgpd.portal.web.Page;
import fr.assurancemaladie.rgpd.portal.web.Pages;
import fr.assurancemaladie.rgpd.portal.web.ServiceCalls;
import fr.assurancemaladie.rgpd.portal.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The letters' templates, for the national DPO and the admins: every kind with its current version, an editor with a
 * preview (the letter as the person would receive it, with sample data, in a new tab) and the versions kept.
 */
@Path("/modeles")
@Produces(MediaType.TEXT_HTML)
public class TemplatePages {

    /** The form as the editor filled it. */
    public record Draft(String subject, String body, String reason) {
    }

    @Inject
    @RestClient
    RightsApi rights;

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    ServiceCalls calls;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, List<RightsApi.LetterTemplate> templates);

        static native TemplateInstance edit(Page page, RightsApi.LetterTemplate current,
                List<RightsApi.LetterTemplate> versions, Draft draft, ServiceCalls.Problem problem, String saved);
    }

    @GET
    public TemplateInstance list() {
        allowed();
        return Templates.list(pages.page("Modèles de courrier", "modeles"), calls.required(() -> rights.letterTemplates()));
    }

    @GET
    @Path("/{kind}")
    public TemplateInstance edit(@PathParam("kind") String kind, @QueryParam("enregistre") String saved) {
        allowed();
        String k = kind(kind);
        List<RightsApi.LetterTemplate> versions = calls.required(() -> rights.letterTemplateVersions(k));
        RightsApi.LetterTemplate current = versions.get(0);
        return Templates.edit(pages.page("Modèle « " + current.label() + " »", "modeles"), current, versions,
                new Draft(current.subject(), current.body(), ""), null,
                saved != null && saved.matches("\\d{1,5}") ? saved : null);
    }

    /** The draft rendered with sample data, as the letter's own page (sandboxed: it runs nothing). */
    @POST
    @Path("/{kind}/apercu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object preview(@PathParam("kind") String kind, @RestForm("objet") String subject,
            @RestForm("corps") String body) {
        allowed();
        String k = kind(kind);
        ServiceCalls.Result<RightsApi.LetterPreview> p = calls.call(() -> rights.previewLetterTemplate(k,
                new RightsApi.LetterDraft(subject, body, null)));
        if (!p.ok()) {
            return rerender(k, new Draft(nz(subject), nz(body), ""), p.problem());
        }
        return LetterResponses.page(p.value().html());
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("kind") String kind, @RestForm("objet") String subject, @RestForm("corps") String body,
            @RestForm("raison") String reason) {
        allowed();
        String k = kind(kind);
        Draft draft = new Draft(nz(subject), nz(body), nz(reason));
        ServiceCalls.Result<RightsApi.LetterTemplate> saved = calls.call(() -> rights.saveLetterTemplate(k,
                new RightsApi.LetterDraft(subject, body, reason)));
        if (!saved.ok()) {
            return rerender(k, draft, saved.problem());
        }
        return Response.seeOther(URI.create("/modeles/" + k + "?enregistre=" + saved.value().version())).build();
    }

    private TemplateInstance rerender(String kind, Draft draft, ServiceCalls.Problem problem) {
        List<RightsApi.LetterTemplate> versions = calls.required(() -> rights.letterTemplateVersions(kind));
        String field = problem.detail().contains("raison") || problem.detail().contains("reason") ? "raison" : "corps";
        return Templates.edit(pages.page("Erreur : modèle « " + versions.get(0).label() + " »", "modeles"),
                versions.get(0), versions, draft, problem.hasFields() ? problem
                        : new ServiceCalls.Problem(problem.status(), problem.detail(), Map.of(field, problem.detail())),
                null);
    }

    private void allowed() {
        if (!viewer.admin() && !viewer.nationalDpo()) {
            throw new ServiceCalls.PageException(403, "Les modèles de courrier sont modifiés par le délégué national à "
                    + "la protection des données (Cnam) et les administrateurs.");
        }
    }

    private static String kind(String kind) {
        if (kind == null || !kind.matches("[A-Z_]{3,32}")) {
            throw new ServiceCalls.PageException(404, "Ce modèle de courrier n'existe pas.");
        }
        return kind;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
