package fr.assurancemaladie.rgpd.portal.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.portal.api.RegisterApi;
import fr.assurancemaladie.rgpd.portal.api.RegisterEditorApi;
import fr.assurancemaladie.rgpd.portal.web.Formats;
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
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The register editor (register editors, admins, the national DPO): the fiches with rules to review, a fiche's
 * retention rules as forms, the diff of a draft against the published version, and publication (admins and the
 * national DPO). What is valid, and who may publish, is register-service's answer.
 */
@Path("/editeur")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Blocking
public class EditorPages {

    static final List<String> STATUSES = List.of("STRUCTURED", "IMPLICIT_TRIGGER", "PARTIAL", "UNSTRUCTURED");
    static final List<String> FATES = List.of("DESTRUCTION", "ARCHIVE");

    @Inject
    @RestClient
    RegisterApi register;

    @Inject
    @RestClient
    RegisterEditorApi editor;

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @Inject
    ServiceCalls calls;

    /** A retention rule as the form shows it. */
    public record Rule(int index, String text, String duration, String trigger, String fate, boolean untilFinal,
            String status, String scope) {
    }

    /** A trigger of the vocabulary, for the select. */
    public record Trigger(String code, String label) {
    }

    /** One change of the diff, in words. */
    public record Line(String field, String before, String after, List<String> added, List<String> removed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, List<RegisterApi.FicheSummary> toReview,
                List<RegisterApi.FicheSummary> drafts, String published);

        static native TemplateInstance fiche(Page page, int number, String title, int version, String status,
                List<Rule> rules, List<Trigger> triggers, List<String> statuses, List<String> fates,
                ServiceCalls.Problem problem, Integer failedIndex);

        static native TemplateInstance draft(Page page, int number, String title, int from, int to, List<Line> lines,
                boolean mayPublish, ServiceCalls.Problem problem);
    }

    @GET
    public TemplateInstance home(@QueryParam("publiee") String published) {
        requireEditor();
        List<RegisterApi.FicheSummary> all = calls.required(() -> register.search(null, null, null, null, null, 0, 100))
                .items();
        List<RegisterApi.FicheSummary> toReview = all.stream().filter(f -> f.rulesToReview() > 0).toList();
        List<RegisterApi.FicheSummary> drafts = viewer.editor() && !viewer.nationalDpo() || viewer.admin()
                ? calls.required(() -> editor.drafts(0, 100)).items() : List.of();
        return Templates.home(pages.page("Éditer le registre", "editeur"), toReview, drafts,
                published != null && published.matches("\\d{1,4}") ? published : null);
    }

    @GET
    @Path("/fiches/{number}")
    public TemplateInstance fiche(@PathParam("number") String number) {
        requireEditor();
        return renderFiche(calls.number(number), null, null);
    }

    @POST
    @Path("/fiches/{number}/regles/{index}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object saveRule(@PathParam("number") String number, @PathParam("index") String index,
            @RestForm("version") String version, @RestForm("text") String text,
            @RestForm("duration") String duration, @RestForm("trigger") String trigger, @RestForm("fate") String fate,
            @RestForm("untilFinal") String untilFinal, @RestForm("status") String status) {
        requireEditor();
        int n = calls.number(number);
        int i = calls.number(index);
        int v = calls.number(version);
        ObjectNode fiche = (ObjectNode) calls.required(() -> editor.version(n, v)).deepCopy();
        ArrayNode rules = (ArrayNode) fiche.withArray("retentionRules");
        if (i >= rules.size()) {
            throw new ServiceCalls.PageException(404, "Cette règle n'existe pas.");
        }
        ObjectNode rule = (ObjectNode) rules.get(i);
        rule.put("text", text == null ? "" : text.strip());
        putOrNull(rule, "duration", duration);
        putOrNull(rule, "trigger", trigger);
        putOrNull(rule, "fate", fate);
        rule.put("untilFinalDecisionIfLitigation", "on".equals(untilFinal));
        putOrNull(rule, "status", status);
        ServiceCalls.Result<JsonNode> saved = calls.call(() -> editor.save(n, "\"" + n + "-" + v + "\"", fiche));
        if (!saved.ok()) {
            return renderFiche(n, saved.problem(), i);
        }
        return Response.seeOther(URI.create("/editeur/fiches/" + n + "/brouillon")).build();
    }

    @GET
    @Path("/fiches/{number}/brouillon")
    public TemplateInstance draft(@PathParam("number") String number) {
        requireEditor();
        return renderDraft(calls.number(number), null);
    }

    @POST
    @Path("/fiches/{number}/publier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object publish(@PathParam("number") String number) {
        requireEditor();
        int n = calls.number(number);
        ServiceCalls.Result<JsonNode> published = calls.call(() -> editor.publish(n));
        if (!published.ok()) {
            return renderDraft(n, published.problem());
        }
        return Response.seeOther(URI.create("/editeur?publiee=" + n)).build();
    }

    private TemplateInstance renderFiche(int n, ServiceCalls.Problem problem, Integer failedIndex) {
        List<RegisterEditorApi.VersionInfo> versions = calls.required(() -> editor.versions(n));
        RegisterEditorApi.VersionInfo latest = versions.get(versions.size() - 1);
        JsonNode fiche = calls.required(() -> editor.version(n, latest.version()));
        List<Rule> rules = new ArrayList<>();
        JsonNode rs = fiche.path("retentionRules");
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            rules.add(new Rule(i, r.path("text").asText(""), text(r, "duration"), text(r, "trigger"), text(r, "fate"),
                    r.path("untilFinalDecisionIfLitigation").asBoolean(false), text(r, "status"), text(r, "scope")));
        }
        List<Trigger> triggers = Arrays.stream(RetentionTrigger.values()).map(t -> new Trigger(t.name(), t.label()))
                .toList();
        String title = fiche.path("title").isTextual() ? fiche.path("title").asText() : null;
        return Templates.fiche(pages.page((problem != null ? "Erreur : " : "") + "Règles de conservation — fiche " + n,
                "editeur"), n, title, latest.version(), latest.status(), rules, triggers, STATUSES, FATES, problem,
                failedIndex);
    }

    private TemplateInstance renderDraft(int n, ServiceCalls.Problem problem) {
        List<RegisterEditorApi.VersionInfo> versions = calls.required(() -> editor.versions(n));
        RegisterEditorApi.VersionInfo latest = versions.get(versions.size() - 1);
        int published = versions.stream().filter(v -> "PUBLISHED".equals(v.status()) || v.publishedAt() != null)
                .mapToInt(RegisterEditorApi.VersionInfo::version).max().orElse(0);
        List<Line> lines = new ArrayList<>();
        if (published > 0 && published != latest.version()) {
            for (RegisterEditorApi.Change c : calls.required(() -> editor.diff(n, published, latest.version()))
                    .changes()) {
                lines.add(new Line(fieldFr(c.field()), words(c.before()), words(c.after()),
                        c.added() == null ? List.of() : c.added().stream().map(EditorPages::words).toList(),
                        c.removed() == null ? List.of() : c.removed().stream().map(EditorPages::words).toList()));
            }
        }
        JsonNode fiche = calls.required(() -> editor.version(n, latest.version()));
        String title = fiche.path("title").isTextual() ? fiche.path("title").asText() : null;
        return Templates.draft(pages.page((problem != null ? "Erreur : " : "") + "Brouillon de la fiche " + n, "editeur"),
                n, title, published, latest.version(), lines, viewer.mayPublish(), problem);
    }

    /** A changed value in words: a rule by its text and structure, a text as it is. */
    static String words(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "—";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject() && v.has("text")) {
            return v.path("text").asText() + " — " + Formats.durationFr(text(v, "duration")) + ", à compter de : "
                    + Formats.triggerFr(v.path("trigger").isTextual() ? v.path("trigger").asText() : null) + ", puis "
                    + Formats.fateFr(v.path("fate").isTextual() ? v.path("fate").asText() : null)
                    + (v.path("untilFinalDecisionIfLitigation").asBoolean(false)
                            ? ", ou jusqu'à la décision définitive en cas de contentieux" : "")
                    + " ; règle " + Formats.ruleStatusFr(text(v, "status"));
        }
        return v.toString();
    }

    /** A fiche's field as the register names it. */
    static String fieldFr(String field) {
        return switch (field == null ? "" : field) {
            case "title" -> "Intitulé";
            case "purposeDetails" -> "Finalités";
            case "subPurposes" -> "Sous-finalités";
            case "legalBases" -> "Bases légales";
            case "gdprArticles" -> "Articles du RGPD";
            case "dataSubjectCategories" -> "Personnes concernées";
            case "dataTypes" -> "Données traitées";
            case "recipients" -> "Destinataires";
            case "accessors" -> "Personnes habilitées";
            case "retentionRules" -> "Règles de conservation";
            case "rightsText" -> "Exercice des droits (texte)";
            case "rights" -> "Droits des personnes";
            case "objectionExclusionReason" -> "Motif d'exclusion du droit d'opposition";
            case "securityMeasures" -> "Mesures de sécurité";
            case "controllerNotes" -> "Notes du responsable de traitement";
            case "domain", "domainCode" -> "Domaine";
            default -> field;
        };
    }

    private void requireEditor() {
        if (!viewer.editor()) {
            throw new ServiceCalls.PageException(403, "L'édition du registre est réservée aux éditeurs du registre, "
                    + "aux administrateurs et au DPO national.");
        }
    }

    private static void putOrNull(ObjectNode o, String field, String value) {
        if (value == null || value.isBlank()) {
            o.putNull(field);
        } else {
            o.put(field, value.strip());
        }
    }

    private static String text(JsonNode o, String field) {
        return o.path(field).isTextual() ? o.path(field).asText() : "";
    }

}
