package fr.assurancemaladie.rgpd.retention.report;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a DPO watches: deletions coming, deletions late (and why), orders nobody confirmed, rules nobody can execute. */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportQueries queries;

    public record Count(int ficheNumber, String caisseCode, long count, LocalDate firstDueOn) {
    }

    public record Upcoming(LocalDate from, LocalDate until, long total, List<Count> byFicheAndCaisse) {
    }

    /** {@code reason}: HELD_LIMITATION, HELD_LITIGATION, HELD_MANUAL, or AWAITING_SWEEP when nothing holds it. */
    public record Late(int ficheNumber, String caisseCode, String reason, long count, LocalDate oldestDueOn) {
    }

    public record Unconfirmed(int ficheNumber, String caisseCode, long count, Instant oldestOrderedAt) {
    }

    public record Overdue(LocalDate asOf, long notOrdered, List<Late> notOrderedByFicheAndCaisse,
            String confirmationDelay, long unconfirmed, List<Unconfirmed> unconfirmedByFicheAndCaisse) {
    }

    public record RuleToReview(int ficheNumber, int ficheVersion, String ficheTitle, int index, String text,
            String status, String duration, String trigger, String missing) {
    }


    @GET
    @Path("/upcoming")
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Deletions due in the next days, counted by fiche and caisse", description = "days: 1-3660 "
            + "(default 30); caisse (admin).")
    public Upcoming upcoming(@QueryParam("days") @DefaultValue("30") String daysParam,
            @QueryParam("caisse") String caisse) {
        return queries.upcoming(daysParam, caisse);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Deletions past due and not ordered (and why); orders not confirmed in time", description =
            "caisse (admin). The confirmation delay is rgpd.retention.confirmation-delay.")
    public Overdue overdue(@QueryParam("caisse") String caisse) {
        return queries.overdue(caisse);
    }

    @GET
    @Path("/rules-to-review")
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Retention rules of the published register that are never executed", description = "PARTIAL "
            + "or UNSTRUCTURED rules, or rules without a duration, trigger or fate: people must structure them.")
    public List<RuleToReview> rulesToReview() {
        return queries.rulesToReview();
    }
}
