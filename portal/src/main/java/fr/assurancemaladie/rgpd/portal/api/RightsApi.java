package fr.assurancemaladie.rgpd.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** rights-service, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "rights")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RightsApi {

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    Request submit(Submission submission);

    @GET
    @Path("/requests/mine")
    List<Request> mine();

    @GET
    @Path("/requests/{id}")
    Request request(@PathParam("id") String id);

    @GET
    @Path("/requests/{id}/timeline")
    List<Step> timeline(@PathParam("id") String id);

    @GET
    @Path("/requests/{id}/letters")
    List<Letter> letters(@PathParam("id") String id);

    @GET
    @Path("/requests/{id}/letters/{letterId}")
    @Produces(MediaType.TEXT_HTML)
    String letterHtml(@PathParam("id") String id, @PathParam("letterId") String letterId);

    @GET
    @Path("/requests/{id}/letters/{letterId}/pdf")
    @Produces("application/pdf")
    byte[] letterPdf(@PathParam("id") String id, @PathParam("letterId") String letterId);

    @GET
    @Path("/letter-templates")
    List<LetterTemplate> letterTemplates();

    @GET
    @Path("/letter-templates/{kind}/versions")
    List<LetterTemplate> letterTemplateVersions(@PathParam("kind") String kind);

    @POST
    @Path("/letter-templates/{kind}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    LetterPreview previewLetterTemplate(@PathParam("kind") String kind, LetterDraft draft);

    @POST
    @Path("/letter-templates/{kind}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    LetterTemplate saveLetterTemplate(@PathParam("kind") String kind, LetterDraft draft);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LetterTemplate(String kind, String label, int version, String subject, String body, String createdBy,
            Instant createdAt, String changeReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LetterDraft(String subject, String body, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LetterPreview(String kind, String subject, String html) {
    }

    @GET
    @Path("/requests/{id}/access-summary")
    AccessSummary accessSummary(@PathParam("id") String id);

    @POST
    @Path("/requests/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    Request act(@PathParam("id") String id, Action action);

    @GET
    @Path("/queues/{caisse}/requests")
    Queue queue(@PathParam("caisse") String caisse, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("dueBefore") String dueBefore,
            @QueryParam("cursor") String cursor, @QueryParam("size") int size);

    @GET
    @Path("/caisses/{code}")
    Caisse caisse(@PathParam("code") String code);

    @GET
    @Path("/caisses/{code}/audit")
    List<AuditLine> audit(@PathParam("code") String code, @QueryParam("requestId") String requestId,
            @QueryParam("limit") int limit);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Submission(String type, Integer ficheNumber, String domainCode, String message, String rectification,
            String nir, String receivedOn, String channel, String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(String action, String reason, String answer, String ground) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaisseRef(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FicheApplicability(int ficheNumber, String title, boolean applies, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Applicability(boolean applies, String reason, List<FicheApplicability> fiches) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Related(String id, CaisseRef caisse, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deadline(LocalDate dueOn, LocalDate periodStart, int months, LocalDate nominal, String explanation,
            boolean extensionPossible, LocalDate extensionDecideBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(String id, String groupId, String type, String status, String scope, Integer ficheNumber,
            String domainCode, String channel, LocalDate receivedOn, LocalDate dueOn, boolean extended,
            CaisseRef caisse, Applicability applicability, String message, String rectification, String answer,
            String reason, String refusalGround, String assignedTo, String limitation, Instant createdAt,
            Instant updatedAt, List<Related> related, Deadline deadline, List<String> actions, Flags flags) {
    }

    /** A duplicate or repetition flag (art. 12(5)): for the DPO to review, never an automatic refusal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Flags(String duplicateOf, int earlierSimilar, boolean repetitive, boolean reviewed, String decision,
            String reviewedBy, Instant reviewedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Step(Instant at, String action, String label, String detail, String letterId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Letter(String id, String kind, String label, String subject, int templateVersion, Instant createdAt,
            String delivery, Instant sentAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QueueItem(String id, String type, String status, String scope, Integer ficheNumber, String domainCode,
            LocalDate receivedOn, LocalDate dueOn, boolean late, String assignedTo, long daysLeft, String duplicateOf,
            boolean repetitive, boolean flagsToReview) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QueueCounts(long open, long late, long dueWithin7Days) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Queue(String caisseCode, QueueCounts counts, List<QueueItem> items, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DpoContact(String email, String postalAddress, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Caisse(String code, String kind, String name, String departement, String scope, DpoContact dpo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuditLine(Instant at, String actor, String actorRole, String requestId, String action, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SummaryFiche(int ficheNumber, String title, List<String> purposes, List<String> legalBases,
            List<String> dataCategories, List<String> recipients, List<String> retention, Map<String, Boolean> rights) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccessSummary(String requestId, Instant generatedAt, List<SummaryFiche> fiches, String rights,
            String complaint, String source, String automatedDecisions) {
    }
}
