package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.rights.request.RequestViews.ActionBody;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.RequestView;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.Submission;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Citizens' rights requests: submit, follow; DPOs register paper requests and work them. */
@Path("/api/v1/requests")
@Tag(name = "Requests")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    @Inject
    RequestService requests;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"citizen", "dpo"})
    @Operation(summary = "Submit a request (citizen, for themself) or register one received by post, e-mail or at the "
            + "counter (DPO, for their caisse)", description = "type: ACCESS, RECTIFICATION, LIMITATION, OBJECTION, "
            + "ERASURE, PORTABILITY; ficheNumber, or domainCode, or neither (all processing). A right the register "
            + "excludes is recorded and answered at once with the register's reason, the DPO contact and the CNIL route.")
    @APIResponse(responseCode = "201", description = "Recorded, routed, with its due date and applicability")
    @APIResponse(responseCode = "400", description = "Invalid request (French detail)")
    public Response submit(Submission body) {
        RequestView created = requests.submit(caller(), body);
        return Response.created(URI.create("/api/v1/requests/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed("citizen")
    @Operation(summary = "The caller's own requests, newest first")
    public List<RequestView> mine() {
        return requests.mine(caller());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One request (its owner, or the DPO of its caisse; anyone else gets 404)")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not yours")
    public RequestView get(@PathParam("id") String id) {
        return requests.read(caller(), uuid(id));
    }

    @GET
    @Path("/{id}/timeline")
    @Authenticated
    @Operation(summary = "The life of a request (its owner, or the DPO of its caisse): each state change with its date, "
            + "and the reason the person must be told (identity asked, extension, refusal, end of limitation)")
    @APIResponse(responseCode = "200", description = "The steps, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.ARRAY, implementation = RequestViews.Step.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not yours")
    public List<RequestViews.Step> timeline(@PathParam("id") String id) {
        return requests.timeline(caller(), uuid(id));
    }

    @GET
    @Path("/{id}/access-summary")
    @Authenticated
    @Operation(summary = "For an ACCESS request: what the register tells about the processing concerned (GDPR art. 15(1)(a)-(h))",
            description = "Purposes, legal bases, data categories, recipients, retention periods, rights, complaint route, "
                    + "source, automated decisions — fiche by fiche. The DPO adds the person's own data.")
    public AccessSummary accessSummary(@PathParam("id") String id) {
        return requests.accessSummary(caller(), uuid(id));
    }

    @GET
    @Path("/{id}/letters")
    @Authenticated
    @Operation(summary = "The letters about a request (its owner, or the DPO of its caisse)", description = "Each letter "
            + "with its kind, subject, the version of the template that made it and its delivery: PENDING (to be "
            + "e-mailed), SENT, POSTAL (no e-mail address: printed from its PDF and posted), UNDELIVERABLE (refused by "
            + "the mail server: posted).")
    @APIResponse(responseCode = "200", description = "The letters, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.ARRAY, implementation = RequestViews.LetterView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not yours")
    public List<RequestViews.LetterView> letters(@PathParam("id") String id) {
        return requests.letters(caller(), uuid(id));
    }

    @GET
    @Path("/{id}/letters/{letterId}")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One letter as sent (HTML)")
    @APIResponse(responseCode = "200", description = "The letter's page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No such letter, or not yours")
    public Response letter(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        return Response.ok(requests.letter(caller(), uuid(id), uuid(letterId)).html, "text/html; charset=utf-8")
                .header("Content-Security-Policy", LETTER_CSP).header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("/{id}/letters/{letterId}/pdf")
    @Authenticated
    @Produces("application/pdf")
    @Operation(summary = "One letter as a PDF, for a postal answer")
    @APIResponse(responseCode = "200", description = "The letter (A4 PDF)", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such letter, or not yours")
    public Response letterPdf(@PathParam("id") String id, @PathParam("letterId") String letterId) {
        RequestService.LetterPdf pdf = requests.letterPdf(caller(), uuid(id), uuid(letterId));
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"").build();
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Work a request (DPO of its caisse)", description = "action: START, REQUEST_IDENTITY (reason), "
            + "IDENTITY_RECEIVED, EXTEND (reason; before the due date, once), ANSWER (answer), REFUSE (reason, ground: "
            + "MANIFESTLY_UNFOUNDED, EXCESSIVE, IDENTITY_NOT_ESTABLISHED, OTHER), CLOSE, ASSIGN (reason = agent name).")
    @APIResponse(responseCode = "200", description = "The request after the action", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition")
    public RequestView act(@PathParam("id") String id, ActionBody body) {
        try {
            return requests.act(caller(), uuid(id), body);
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw ProblemException.conflict("Cette demande vient d'être modifiée par quelqu'un d'autre : rechargez-la.");
        }
    }

    /** A letter's page shows nothing but itself: no script, no request elsewhere. */
    static final String LETTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private Caller caller() {
        return Caller.of(identity, jwt);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Cette demande n'existe pas ou ne vous est pas accessible.");
        }
    }
}
