package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.rights.request.RequestViews.QueuePage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A caisse DPO's queue: sorted by due date then id, keyset paging, with the counts a DPO watches. */
@Path("/api/v1/queues/{caisseCode}/requests")
@Tag(name = "Queues")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.inject.Singleton
public class QueueResource {

    @Inject
    QueueQueries queries;

    @GET
    @RolesAllowed("dpo")
    @Operation(summary = "The queue of a caisse (its own DPOs only)", description = "Open requests by default; status "
            + "to see one status, or ALL; type, dueBefore (YYYY-MM-DD); cursor from the previous page's nextCursor; "
            + "size ≤ 100.")
    public QueuePage queue(@PathParam("caisseCode") String caisseCode, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("dueBefore") String dueBefore,
            @QueryParam("cursor") String cursor, @QueryParam("size") @DefaultValue("50") String sizeParam) {
        return queries.queue(caisseCode, status, type, dueBefore, cursor, sizeParam);
    }
}
