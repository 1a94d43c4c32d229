package fr.assurancemaladie.rgpd.portal.citizen;

import fr.assurancemaladie.rgpd.portal.api.RegisterApi;
import fr.assurancemaladie.rgpd.portal.api.RightsApi;
import fr.assurancemaladie.rgpd.portal.web.Labels;
import fr.assurancemaladie.rgpd.portal.web.LetterResponses;
import fr.assurancemaladie.rgpd.portal.web.Page;
import fr.assurancemaladie.rgpd.portal.web.Pages;
import fr.assurancemaladie.rgpd.portal.web.ServiceCalls;
import fr.assurancemaladie.rgpd.portal.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * « Mes demandes »: a person exercises a right on one processing, a domain or all of them — seeing first what the
 * register says when the right does not apply (the request can still be sent: it is recorded and answered) — then
 * follows each request: its status, its steps, its due date, the answer or the refusal with its reason, the CNIL
 * route, and a printable acknowledgement.
 */
@Path("/mes-demandes")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Blocking
public class CitizenPages {

    static final List<String> TYPES = List.of("ACCESS", "RECTIFICATION", "LIMITATION", "OBJECTION", "ERASURE",
            "PORTABILITY");

    @Inject
    @RestClient
    RightsApi rights;

    @Inject
    @RestClient
    RegisterApi register;

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    ServiceCalls calls;

    /** What the person filled in, to show the form again. */
    public record Form(String type, String scope, String fiche, String domain, String message, String rectification) {
        static Form empty(String fiche, String domain) {
            return new Form("", fiche != null ? "FICHE" : domain != null ? "DOMAIN" : "", fiche == null ? "" : fiche,
                    domain == null ? "" : domain, "", "");
        }
    }

    /** A processing the chosen right does not apply to, and the register's reason. */
    public record NotApplicable(int number, String title, String reason) {
    }

    /** The register's domains, for the scope choice. */
    public record DomainChoice(String code, String name) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(Page page, List<RightsApi.Request> requests, boolean citizen);

        static native TemplateInstance form(Page page, Form form, List<String> types, RegisterApi.Fiche fiche,
                List<DomainChoice> domains, List<NotApplicable> notApplicable, ServiceCalls.Problem problem);

        static native TemplateInstance request(Page page, RightsApi.Request request, List<RightsApi.Step> steps,
                RightsApi.Caisse caisse, RightsApi.AccessSummary summary, boolean justSent,
                List<RightsApi.Letter> letters);

    }

    @GET
    public TemplateInstance mine() {
        List<RightsApi.Request> mine = viewer.citizen() ? calls.required(() -> rights.mine()) : List.of();
        return Templates.mine(pages.page("Mes demandes", "citoyen"), mine, viewer.citizen());
    }

    @GET
    @Path("/nouvelle")
    public TemplateInstance form(@QueryParam("fiche") String fiche, @QueryParam("domaine") String domain) {
        String n = fiche != null && fiche.matches("\\d{1,4}") ? fiche : null;
        String d = domain != null && domain.matches("\\d{2}") ? domain : null;
        return render(Form.empty(n, d), List.of(), null);
    }

    @POST
    @Path("/nouvelle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@RestForm("type") String type, @RestForm("portee") String scope,
            @RestForm("fiche") String fiche, @RestForm("domaine") String domain, @RestForm("message") String message,
            @RestForm("rectification") String rectification, @RestForm("confirme") String confirmed) {
        Form form = new Form(nz(type), nz(scope), nz(fiche), nz(domain), nz(message), nz(rectification));
        // before sending: what the register says when the chosen right does not apply (the person may still send)
        List<NotApplicable> notApplicable = TYPES.contains(form.type()) ? notApplicable(form) : List.of();
        if (!notApplicable.isEmpty() && !"oui".equals(confirmed)) {
            // shown before sending; the person confirms (the request is recorded and answered all the same)
            return render(form, notApplicable, null);
        }
        Integer ficheNumber = form.scope().equals("FICHE") && form.fiche().matches("\\d{1,4}")
                ? Integer.valueOf(form.fiche()) : null;
        String domainCode = form.scope().equals("DOMAIN") && !form.domain().isBlank() ? form.domain() : null;
        if (form.scope().equals("FICHE") && ficheNumber == null) {
            return render(form, List.of(), new ServiceCalls.Problem(400, "Choisissez le traitement concerné.",
                    Map.of("fiche", "Choisissez le traitement concerné.")));
        }
        if (form.scope().isBlank()) {
            return render(form, List.of(), new ServiceCalls.Problem(400, "Indiquez sur quels traitements porte "
                    + "votre demande.", Map.of("portee", "Indiquez sur quels traitements porte votre demande.")));
        }
        ServiceCalls.Result<RightsApi.Request> sent = calls.call(() -> rights.submit(new RightsApi.Submission(
                form.type().isBlank() ? null : form.type(), ficheNumber, domainCode, blank(form.message()),
                blank(form.rectification()), null, null, null, null)));
        if (!sent.ok()) {
            return render(form, notApplicable, withFields(sent.problem()));
        }
        return Response.seeOther(URI.create("/mes-demandes/" + sent.value().id() + "?envoyee=1")).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance request(@PathParam("id") String id, @QueryParam("envoyee") String justSent) {
        String ref = uuid(id);
        RightsApi.Request r = calls.required(() -> rights.request(ref));
        List<RightsApi.Step> steps = calls.required(() -> rights.timeline(ref));
        RightsApi.Caisse caisse = calls.required(() -> rights.caisse(r.caisse().code()));
        RightsApi.AccessSummary summary = "ACCESS".equals(r.type()) && ("ANSWERED".equals(r.status())
                || "CLOSED".equals(r.status())) ? calls.call(() -> rights.accessSummary(ref)).value() : null;
        List<RightsApi.Letter> letters = calls.required(() -> rights.letters(ref));
        return Templates.request(pages.page(Labels.requestFr(r.type()) + " du "
                + fr.assurancemaladie.rgpd.portal.web.Formats.frShort(r.receivedOn()), "citoyen"), r, steps,
                caisse, summary, "1".equals(justSent), letters);
    }

    /** A letter as it was sent: its own page, shown as it is, running nothing (CSP sandbox). */
    @GET
    @Path("/{id}/courriers/{letterId}")
    @Produces(MediaType.TEXT_HTML)
    public Response letter(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        String ref = uuid(id);
        String letter = uuid(letterId);
        String html = calls.required(() -> rights.letterHtml(ref, letter));
        return LetterResponses.page(html);
    }

    /** The same letter as a PDF, to keep or print. */
    @GET
    @Path("/{id}/courriers/{letterId}/pdf")
    @Produces("application/pdf")
    public Response letterPdf(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        String ref = uuid(id);
        String letter = uuid(letterId);
        byte[] pdf = calls.required(() -> rights.letterPdf(ref, letter));
        return LetterResponses.pdf(pdf, letter);
    }

    @GET
    @Path("/{id}/recepisse")
    public TemplateInstance receipt(@PathParam("id") String id) {
        String ref = uuid(id);
        RightsApi.Request r = calls.required(() -> rights.request(ref));
        RightsApi.Caisse caisse = calls.required(() -> rights.caisse(r.caisse().code()));
        return fr.assurancemaladie.rgpd.portal.web.SharedTemplates.receipt(pages.page("Récépissé de votre demande",
                "citoyen"), r, caisse, "/mes-demandes/" + r.id());
    }

    private TemplateInstance render(Form form, List<NotApplicable> notApplicable, ServiceCalls.Problem problem) {
        RegisterApi.Fiche fiche = form.scope().equals("FICHE") && form.fiche().matches("\\d{1,4}")
                ? calls.call(() -> register.fiche(Integer.parseInt(form.fiche()))).value() : null;
        List<DomainChoice> domains = new ArrayList<>();
        for (RegisterApi.FicheSummary s : calls.required(() -> register.search(null, null, null, null, null, 0, 100))
                .items()) {
            if (domains.stream().noneMatch(d -> d.code().equals(s.domainCode()))) {
                domains.add(new DomainChoice(s.domainCode(), s.domain()));
            }
        }
        return Templates.form(pages.page(problem != null ? "Erreur : exercer un droit" : "Exercer un droit", "citoyen"),
                form, TYPES, fiche, domains, notApplicable, problem);
    }

    /** The register's answer for the chosen right and scope, where it does not apply. */
    private List<NotApplicable> notApplicable(Form form) {
        String field = Labels.rightField(form.type());
        List<RegisterApi.Fiche> fiches;
        if (form.scope().equals("FICHE") && form.fiche().matches("\\d{1,4}")) {
            RegisterApi.Fiche f = calls.call(() -> register.fiche(Integer.parseInt(form.fiche()))).value();
            fiches = f == null ? List.of() : List.of(f);
        } else if (form.scope().equals("DOMAIN") || form.scope().equals("ALL")) {
            fiches = calls.required(() -> register.export("json")).stream()
                    .filter(f -> form.scope().equals("ALL") || f.domainCode().equals(form.domain())).toList();
        } else {
            return List.of();
        }
        List<NotApplicable> out = new ArrayList<>();
        for (RegisterApi.Fiche f : fiches) {
            RegisterApi.RightDecision d = decision(f, field);
            if (d != null && !d.applies()) {
                out.add(new NotApplicable(f.number(), f.title(), d.reason()));
            }
        }
        return out;
    }

    private static RegisterApi.RightDecision decision(RegisterApi.Fiche f, String field) {
        if (f.rights() == null) {
            return null;
        }
        return switch (field) {
            case "access" -> f.rights().access();
            case "rectification" -> f.rights().rectification();
            case "limitation" -> f.rights().limitation();
            case "objection" -> f.rights().objection();
            case "erasure" -> f.rights().erasure();
            case "portability" -> f.rights().portability();
            default -> null;
        };
    }

    /** The API's French detail, and the form field it is about when it names one. */
    private static ServiceCalls.Problem withFields(ServiceCalls.Problem p) {
        if (p.hasFields()) {
            // the API's JSON names → the form's fields
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            p.fields().forEach((name, message) -> fields.putIfAbsent(switch (name) {
                case "ficheNumber" -> "fiche";
                case "domainCode" -> "domaine";
                case "scope" -> "portee";
                default -> name;
            }, message));
            return new ServiceCalls.Problem(p.status(), p.detail(), fields);
        }
        String d = p.detail();
        String field = d.contains("« rectification »") || d.contains("rectification") && d.contains("nouvelle")
                ? "rectification" : d.contains("« message »") ? "message" : d.contains("type") || d.contains("Droit")
                        ? "type" : d.contains("domaine") || d.contains("domainCode") ? "domaine"
                                : d.contains("fiche") || d.contains("ficheNumber") ? "fiche" : null;
        return field == null ? p : new ServiceCalls.Problem(p.status(), d, Map.of(field, d));
    }

    private String uuid(String id) {
        if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
            throw new ServiceCalls.PageException(404, "Cette demande n'existe pas ou ne vous est pas accessible.");
        }
        return id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
