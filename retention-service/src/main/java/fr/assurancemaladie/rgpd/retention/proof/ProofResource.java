package fr.assurancemaladie.rgpd.retention.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proofs of deletion (append-only), for the DPOs of the caisse and for admins. */
@Path("/api/v1/proofs")
@Tag(name = "Proofs of deletion")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ProofResource {

    @Inject
    ProofQueries queries;

    /** What was executed, under which rule, when, confirmed by whom; the person only as subjectRef. */
    public record ProofView(UUID id, UUID scheduleId, String subjectRef, String caisseCode, int ficheNumber,
            int ficheVersion, String ruleText, String trigger, String duration, String fate, LocalDate triggerDate,
            LocalDate dueOn, Instant orderedAt, Instant confirmedAt, String confirmingSystem, Instant recordedAt) {
    }

    public record ProofPage(List<ProofView> items, String nextCursor) {
    }

    @GET
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Proofs of deletion (DPO: own caisse)", description = "Filters subjectRef, fiche, caisse "
            + "(admin); newest first, cursor paging, size ≤ 200.")
    public ProofPage list(@QueryParam("subjectRef") String subjectRef, @QueryParam("fiche") String fiche,
            @QueryParam("caisse") String caisse, @QueryParam("cursor") String cursor,
            @QueryParam("size") @DefaultValue("50") String sizeParam) {
        return queries.list(subjectRef, fiche, caisse, cursor, sizeParam);
    }
}
