package fr.assurancemaladie.rgpd.rights.deadline;

import fr.assurancemaladie.rgpd.rights.deadline.CaisseCalendars.Edit;
import fr.assurancemaladie.rgpd.rights.deadline.CaisseCalendars.YearView;
import fr.assurancemaladie.rgpd.support.problem.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A caisse's calendar: the days that move its deadlines (public), edited by admins with a reason. */
@Path("/api/v1/caisses/{code}/calendar")
@Tag(name = "Caisses")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    CaisseCalendars calendars;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    @Operation(summary = "The days, besides weekends, that move the caisse's deadlines in a year", description = "Seeded "
            + "with the legal list of the caisse's département (LEGAL); days added by an admin are LOCAL; every change "
            + "with its reason.")
    @APIResponse(responseCode = "200", description = "The calendar of the year")
    @APIResponse(responseCode = "400", description = "Invalid year")
    @APIResponse(responseCode = "404", description = "Unknown caisse")
    public YearView year(@PathParam("code") String code,
            @Parameter(description = "The year (2000–2100)") @QueryParam("year") String year) {
        return calendars.year(code, Params.integerBetween("year", year, 2000, 2100));
    }

    @PUT
    @Path("/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Make a day non-working (with its name) or working again, with the reason (admins)",
            description = "Applies to the deadlines of requests received from then on; due dates already given stay.")
    @APIResponse(responseCode = "200", description = "The calendar of the day's year")
    @APIResponse(responseCode = "400", description = "Invalid day, name or reason")
    @APIResponse(responseCode = "404", description = "Unknown caisse")
    public YearView edit(@PathParam("code") String code, @PathParam("day") String day, Edit edit) {
        return calendars.edit(code, day, edit, identity.getPrincipal().getName());
    }
}
