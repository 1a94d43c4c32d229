package fr.assurancemaladie.rgpd.rights.audit;

import fr.assurancemaladie.rgpd.rights.request.Caller;
import fr.assurancemaladie.rgpd.rights.request.RequestService;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of a caisse: who read or changed which request, when, through which action (its DPOs only). */
@Path("/api/v1/caisses/{caisseCode}/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    RequestService requests;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public record Line(Instant at, String actor, String actorRole, UUID requestId, String action, String detail) {
    }

    @GET
    @RolesAllowed("dpo")
    @Operation(summary = "Audit trail of the caller's caisse, newest first (requestId to narrow it; limit ≤ 500)")
    public List<Line> audit(@PathParam("caisseCode") String caisseCode, @QueryParam("requestId") String requestId,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        int n = fr.assurancemaladie.rgpd.support.problem.Params.integer("limit", limit);
        if (n < 1 || n > 500) {
            throw ProblemException.badRequest("« limit » doit être compris entre 1 et 500.");
        }
        UUID id = null;
        if (requestId != null) {
            try {
                id = UUID.fromString(requestId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Identifiant de demande invalide.");
            }
        }
        return requests.audit(Caller.of(identity, jwt), caisseCode, id, n).stream()
                .map(e -> new Line(e.at, e.actor, e.actorRole, e.requestId, e.action, e.detail)).toList();
    }
}
