package fr.assurancemaladie.rgpd.portal.dpo;

import fr.assurancemaladie.rgpd.portal.api.RegisterApi;
import fr.assurancemaladie.rgpd.portal.api.RetentionApi;
import fr.assurancemaladie.rgpd.portal.api.RightsApi;
import fr.assurancemaladie.rgpd.portal.web.Labels;
import fr.assurancemaladie.rgpd.portal.web.LetterResponses;
import fr.assurancemaladie.rgpd.portal.web.Page;
import fr.assurancemaladie.rgpd.portal.web.Pages;
import fr.assurancemaladie.rgpd.portal.web.ServiceCalls;
import fr.assurancemaladie.rgpd.portal.web.SharedTemplates;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The console of a caisse's DPO: the queue (counters, filters, due dates first, keyset paging, days left), each
 * request with its deadline and how it comes about, its steps and audit trail, and the actions the workflow allows
 * now — only those, each with the fields the law needs; requests received by post, e-mail or at the counter; the
 * retention side of the same caisse (upcoming and overdue deletions, holds, proofs); the audit trail. What is
 * allowed, and when, is rights-service's and retention-service's answer.
 */
@Path("/dpo")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Blocking
public class DpoPages {

    static final List<String> STATUSES = List.of("RECEIVED", "IN_PROGRESS", "AWAITING_IDENTITY", "EXTENDED",
            "ANSWERED", "ANSWERED_NOT_APPLICABLE", "REFUSED", "CLOSED");
    static final List<String> TYPES = List.of("ACCESS", "RECTIFICATION", "LIMITATION", "OBJECTION", "ERASURE",
            "PORTABILITY");
    static final List<String> GROUNDS = List.of("MANIFESTLY_UNFOUNDED", "EXCESSIVE", "IDENTITY_NOT_ESTABLISHED", "OTHER");
    static final List<String> CHANNELS = List.of("POSTAL", "EMAIL", "COUNTER");
    static final int PAGE_SIZE = 50;

    @Inject
    @RestClient
    RightsApi rights;

    @Inject
    @RestClient
    RetentionApi retention;

    @Inject
    @RestClient
    RegisterApi register;

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    ServiceCalls calls;

    /** The queue's filters as the DPO set them. */
    public record Filters(String status, String type, String dueBefore) {
        public boolean any() {
            return !status.isBlank() || !type.isBlank() || !dueBefore.isBlank();
        }

        /** The query string of this view, for the next page's link. */
        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "statut", status);
            add(q, "type", type);
            add(q, "avant", dueBefore);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (!value.isBlank()) {
                q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** An action that failed, with the problem the service gave and what the DPO had typed. */
    public record Failed(String action, ServiceCalls.Problem problem, String reason, String answer, String ground) {
    }

    /** A request received on paper, as the DPO filled the form. */
    public record Paper(String nir, String receivedOn, String channel, String type, String scope, String fiche,
            String domain, String message, String rectification, String email) {
        static final Paper EMPTY = new Paper("", "", "", "", "FICHE", "", "", "", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Page page, String caisse, RightsApi.Queue queue, Filters filters,
                List<String> statuses, List<String> types, String cursor, String problem);

        static native TemplateInstance request(Page page, RightsApi.Request request, List<RightsApi.Step> steps,
                List<RightsApi.AuditLine> audit, List<String> grounds, Failed failed, String done,
                List<RightsApi.Letter> letters);

        static native TemplateInstance paper(Page page, Paper form, List<String> types, List<String> channels,
                ServiceCalls.Problem problem);

        static native TemplateInstance retention(Page page, String caisse, RetentionApi.Upcoming upcoming,
                RetentionApi.Overdue overdue, List<RetentionApi.Hold> holds, List<RetentionApi.Proof> proofs,
                ServiceCalls.Problem problem, String done);

        static native TemplateInstance journal(Page page, String caisse, List<RightsApi.AuditLine> lines);
    }

    @GET
    public TemplateInstance queue(@QueryParam("statut") String status, @QueryParam("type") String type,
            @QueryParam("avant") String dueBefore, @QueryParam("curseur") String cursor) {
        String caisse = requireDpo();
        Filters filters = new Filters(status != null && (STATUSES.contains(status) || "ALL".equals(status))
                ? status : "", type != null && TYPES.contains(type) ? type : "", dueBefore != null && dueBefore.matches("\\d{4}-\\d{2}-\\d{2}")
                        ? dueBefore : "");
        String c = cursor != null && cursor.matches("[A-Za-z0-9_=-]{1,200}") ? cursor : null;
        ServiceCalls.Result<RightsApi.Queue> q = calls.call(() -> rights.queue(caisse, blank(filters.status()),
                blank(filters.type()), blank(filters.dueBefore()), c, PAGE_SIZE));
        Page page = pages.page("File des demandes — " + caisse, "dpo");
        return Templates.queue(page, caisse, q.value(), filters, STATUSES, TYPES, c,
                q.ok() ? null : q.problem().detail());
    }

    @GET
    @Path("/demandes/{id}")
    public TemplateInstance request(@PathParam("id") String id, @QueryParam("fait") String done) {
        requireDpo();
        return render(uuid(id), null, done != null && done.matches("[A-Z_]{2,32}|ENREGISTREE") ? done : null);
    }

    @POST
    @Path("/demandes/{id}/action")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object act(@PathParam("id") String id, @RestForm("action") String action, @RestForm("reason") String reason,
            @RestForm("answer") String answer, @RestForm("ground") String ground) {
        requireDpo();
        String ref = uuid(id);
        ServiceCalls.Result<RightsApi.Request> done = calls.call(() -> rights.act(ref, new RightsApi.Action(action,
                blank(reason), blank(answer), blank(ground))));
        if (!done.ok()) {
            return render(ref, new Failed(action == null ? "" : action, done.problem(), nz(reason), nz(answer),
                    nz(ground)), null);
        }
        return Response.seeOther(URI.create("/dpo/demandes/" + ref + "?fait=" + URLEncoder.encode(action,
                StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("/demandes/{id}/recepisse")
    public TemplateInstance receipt(@PathParam("id") String id) {
        requireDpo();
        String ref = uuid(id);
        RightsApi.Request r = calls.required(() -> rights.request(ref));
        RightsApi.Caisse caisse = calls.required(() -> rights.caisse(r.caisse().code()));
        return SharedTemplates.receipt(pages.page("Récépissé de la demande", "dpo"), r, caisse,
                "/dpo/demandes/" + r.id());
    }

    @GET
    @Path("/enregistrer")
    public TemplateInstance paperForm() {
        requireDpo();
        return Templates.paper(pages.page("Enregistrer une demande reçue hors ligne", "dpo"), Paper.EMPTY, TYPES,
                CHANNELS, null);
    }

    @POST
    @Path("/enregistrer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object paper(@RestForm("nir") String nir, @RestForm("recue") String receivedOn,
            @RestForm("canal") String channel, @RestForm("type") String type, @RestForm("portee") String scope,
            @RestForm("fiche") String fiche, @RestForm("domaine") String domain, @RestForm("message") String message,
            @RestForm("rectification") String rectification, @RestForm("courriel") String email) {
        requireDpo();
        Paper form = new Paper(nz(nir), nz(receivedOn), nz(channel), nz(type), nz(scope), nz(fiche), nz(domain),
                nz(message), nz(rectification), nz(email));
        Integer ficheNumber = form.scope().equals("FICHE") && form.fiche().matches("\\d{1,4}")
                ? Integer.valueOf(form.fiche()) : null;
        ServiceCalls.Result<RightsApi.Request> sent = calls.call(() -> rights.submit(new RightsApi.Submission(
                blank(form.type()), ficheNumber, form.scope().equals("DOMAIN") ? blank(form.domain()) : null,
                blank(form.message()), blank(form.rectification()), blank(form.nir().replace(" ", "")),
                blank(form.receivedOn()), blank(form.channel()), blank(form.email()))));
        if (!sent.ok()) {
            return Templates.paper(pages.page("Erreur : enregistrer une demande reçue hors ligne", "dpo"), form, TYPES,
                    CHANNELS, fields(sent.problem()));
        }
        return Response.seeOther(URI.create("/dpo/demandes/" + sent.value().id() + "?fait=ENREGISTREE")).build();
    }

    @GET
    @Path("/conservation")
    public TemplateInstance retention(@QueryParam("fait") String done) {
        return renderRetention(null, done != null && done.matches("GEL_POSE|GEL_LEVE") ? done : null);
    }

    @POST
    @Path("/conservation/gels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object putHold(@RestForm("nir") String nir, @RestForm("fiches") String fiches,
            @RestForm("reason") String reason) {
        requireDpo();
        List<Integer> numbers = new ArrayList<>();
        for (String n : nz(fiches).split("[ ,;]+")) {
            if (n.matches("\\d{1,4}")) {
                numbers.add(Integer.valueOf(n));
            }
        }
        ServiceCalls.Result<RetentionApi.Hold> put = calls.call(() -> retention.put(new RetentionApi.NewHold(
                blank(nz(nir).replace(" ", "")), numbers.isEmpty() ? null : numbers, blank(reason))));
        if (!put.ok()) {
            return renderRetention(fields(put.problem()), null);
        }
        return Response.seeOther(URI.create("/dpo/conservation?fait=GEL_POSE")).build();
    }

    @POST
    @Path("/conservation/gels/{id}/lever")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object releaseHold(@PathParam("id") String id, @RestForm("reason") String reason) {
        requireDpo();
        String ref = uuid(id);
        ServiceCalls.Result<RetentionApi.Hold> released = calls.call(() -> retention.release(ref, blank(reason)));
        if (!released.ok()) {
            return renderRetention(released.problem(), null);
        }
        return Response.seeOther(URI.create("/dpo/conservation?fait=GEL_LEVE")).build();
    }

    @GET
    @Path("/journal")
    public TemplateInstance journal() {
        String caisse = requireDpo();
        List<RightsApi.AuditLine> lines = calls.required(() -> rights.audit(caisse, null, 200));
        return Templates.journal(pages.page("Journal des accès et des actions — " + caisse, "dpo"), caisse, lines);
    }

    private TemplateInstance render(String id, Failed failed, String done) {
        RightsApi.Request r = calls.required(() -> rights.request(id));
        List<RightsApi.Step> steps = calls.required(() -> rights.timeline(id));
        List<RightsApi.AuditLine> audit = calls.call(() -> rights.audit(r.caisse().code(), id, 100)).value();
        String title = (failed != null ? "Erreur : " : "") + Labels.requestFr(r.type()) + " — échéance "
                + fr.assurancemaladie.rgpd.portal.web.Formats.frShort(r.dueOn());
        List<RightsApi.Letter> letters = calls.call(() -> rights.letters(id)).value();
        return Templates.request(pages.page(title, "dpo"), r, steps, audit == null ? List.of() : audit, GROUNDS, failed,
                done, letters == null ? List.of() : letters);
    }

    /** A letter as it was sent (its own page, running nothing). */
    @GET
    @Path("/demandes/{id}/courriers/{letterId}")
    public Response letter(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        requireDpo();
        String ref = uuid(id);
        String letter = uuid(letterId);
        String html = calls.required(() -> rights.letterHtml(ref, letter));
        return LetterResponses.page(html);
    }

    /** The letter as a PDF: what the DPO prints and posts when there is no e-mail address. */
    @GET
    @Path("/demandes/{id}/courriers/{letterId}/pdf")
    @Produces("application/pdf")
    public Response letterPdf(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        requireDpo();
        String ref = uuid(id);
        String letter = uuid(letterId);
        byte[] pdf = calls.required(() -> rights.letterPdf(ref, letter));
        return LetterResponses.pdf(pdf, letter);
    }

    private TemplateInstance renderRetention(ServiceCalls.Problem problem, String done) {
        String caisse = requireDpo();
        RetentionApi.Upcoming upcoming = calls.required(() -> retention.upcoming(30));
        RetentionApi.Overdue overdue = calls.required(() -> retention.overdue());
        List<RetentionApi.Hold> holds = calls.required(() -> retention.holds("true", null, 100)).items();
        List<RetentionApi.Proof> proofs = calls.required(() -> retention.proofs(null, 20)).items();
        return Templates.retention(pages.page((problem != null ? "Erreur : " : "") + "Conservation — " + caisse, "dpo"),
                caisse, upcoming, overdue, holds, proofs, problem, done);
    }

    /** The DPO's caisse; anyone else is told this console is not theirs. */
    private String requireDpo() {
        if (!viewer.dpo() || viewer.caisse() == null) {
            throw new ServiceCalls.PageException(403, "Cette console est celle des délégués à la protection des "
                    + "données des caisses.");
        }
        return viewer.caisse();
    }

    /** The API's detail, attached to the form field it names. */
    private static ServiceCalls.Problem fields(ServiceCalls.Problem p) {
        if (p.hasFields()) {
            return p;
        }
        String d = p.detail();
        String field = d.contains("NIR") || d.contains("nir") ? "nir" : d.contains("réception") || d.contains("receivedOn")
                ? "recue" : d.contains("canal") || d.contains("channel") ? "canal" : d.contains("motif")
                        || d.contains("reason") ? "reason" : d.contains("type") || d.contains("Droit") ? "type"
                                : d.contains("rectification") ? "rectification" : d.contains("(email)") ? "courriel"
                                        : null;
        return field == null ? p : new ServiceCalls.Problem(p.status(), d, Map.of(field, d));
    }

    private static String uuid(String id) {
        if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
            throw new ServiceCalls.PageException(404, "Cette demande n'existe pas ou n'est pas celle de votre caisse.");
        }
        return id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
