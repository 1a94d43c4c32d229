package fr.assurancemaladie.rgpd.retention.hold;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Holds on deletions. Every hold is listed (limitation, litigation, manual); a DPO sees those of their caisse, an
 * admin all. A DPO or an admin puts and releases manual holds, with a reason; limitation and litigation holds are
 * released only by their own events (rights-service, the litigation system).
 */
@Path("/api/v1/holds")
@Tag(name = "Holds")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class HoldResource {

    @Inject
    HoldQueries queries;

    /** A hold as the API shows it; {@code ficheNumbers} null = every fiche of the person. */
    public record HoldView(UUID id, String kind, String subjectRef, List<Integer> ficheNumbers, String caisseCode,
            String reason, LocalDate fromOn, LocalDate untilOn, boolean active, Instant createdAt, String createdBy,
            Instant releasedAt, String releasedBy, String releaseReason) {

        static HoldView of(HoldRecord h) {
            return new HoldView(h.id, h.kind.name(), h.subjectRef,
                    h.ficheNumbers == null ? null : Arrays.asList(h.ficheNumbers), h.caisseCode, h.reason, h.fromOn,
                    h.untilOn, h.unreleased(), h.createdAt, h.createdBy, h.releasedAt, h.releasedBy, h.releaseReason);
        }
    }

    public record HoldPage(List<HoldView> items, String nextCursor) {
    }

    /** A manual hold: the person, optionally the fiches (none = all), why; an admin names the caisse. */
    public record NewHold(String subjectRef, String nir, List<Integer> ficheNumbers, String reason, String caisseCode) {
    }

    @GET
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Holds (DPO: own caisse)", description = "active=true (default), false or ALL; kind; "
            + "subjectRef; caisse (admin); newest first, cursor paging, size ≤ 200.")
    public HoldPage list(@QueryParam("subjectRef") String subjectRef, @QueryParam("active") String active,
            @QueryParam("kind") String kind, @QueryParam("caisse") String caisse, @QueryParam("cursor") String cursor,
            @QueryParam("size") @DefaultValue("50") String sizeParam) {
        return queries.list(subjectRef, active, kind, caisse, cursor, sizeParam);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "One hold")
    public HoldView one(@PathParam("id") String id) {
        return queries.one(id);
    }

    @POST
    @RolesAllowed({ "dpo", "admin" })
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The hold put", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HoldView.class)))
    @Operation(summary = "Put a manual hold on a person's deletions", description = "subjectRef or nir (the person's "
            + "social security number, turned into the subjectRef here and never stored), reason (required), "
            + "ficheNumbers (none = every fiche); caisseCode for an admin (a DPO's own caisse otherwise).")
    public Response put(NewHold body) {
        return queries.put(body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Release a manual hold, with a reason", description = "reason as a query parameter. "
            + "Limitation and litigation holds are released by their own events (409).")
    public HoldView release(@PathParam("id") String id, @QueryParam("reason") String reasonParam) {
        return queries.release(id, reasonParam);
    }
}
