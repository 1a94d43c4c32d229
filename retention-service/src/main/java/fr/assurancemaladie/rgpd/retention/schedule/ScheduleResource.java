package fr.assurancemaladie.rgpd.retention.schedule;

import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.date;

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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retention schedules, for the DPOs of the caisse they belong to and for admins. */
@Path("/api/v1/schedules")
@Tag(name = "Schedules")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleQueries queries;

    

    /** The rule a schedule executes (its position in the fiche's list, as the register words and structures it). */
    public record RuleView(int index, int ficheVersion, String text, String trigger, String duration, String fate,
            boolean untilFinalDecisionIfLitigation) {
    }

    /**
     * A schedule. {@code id, subjectRef, ficheNumber, rule, triggerDate, dueOn, fate, status} are the contract;
     * {@code held} tells whether a hold covers it today.
     */
    public record ScheduleView(UUID id, String subjectRef, int ficheNumber, RuleView rule, LocalDate triggerDate,
            LocalDate ruleDueOn, LocalDate dueOn, String fate, String status, boolean held, String caisseCode,
            Instant createdAt, Instant orderedAt, Instant confirmedAt, String cancelReason) {
    }

    public record SchedulePage(List<ScheduleView> items, String nextCursor) {
    }

    

    @GET
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "Schedules (DPO: own caisse)", description = "Filters subjectRef, fiche, dueBefore "
            + "(YYYY-MM-DD, exclusive), status (SCHEDULED, ORDERED, CONFIRMED, CANCELLED), caisse (admin); by due date, "
            + "cursor paging, size ≤ 200.")
    public SchedulePage list(@QueryParam("subjectRef") String subjectRef, @QueryParam("fiche") String fiche,
            @QueryParam("dueBefore") String dueBefore, @QueryParam("status") String status,
            @QueryParam("caisse") String caisse, @QueryParam("cursor") String cursor,
            @QueryParam("size") @DefaultValue("50") String sizeParam) {
        return queries.list(subjectRef, fiche, dueBefore, status, caisse, cursor, sizeParam);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "dpo", "admin" })
    @Operation(summary = "One schedule")
    public ScheduleView one(@PathParam("id") String id) {
        return queries.one(id);
    }

    

    
}
