package fr.assurancemaladie.rgpd.rights.statistics;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public transparency statistics (no sign-in), as JSON or CSV. */
@Path("/api/v1/statistics")
@Tag(name = "Statistics")
@PermitAll
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transparency statistics of a quarter, per caisse and national, per right", description = "Received, "
            + "closed, answered within the month, extended, overdue, refused (by ground), not applicable, open at the "
            + "end of the quarter, channels; median and 90th percentile of the days to answer. Statistical secrecy: a "
            + "count from 1 to 10, and any figure computed from it, is NS; so are the cells that would let one be "
            + "recomputed from the totals.")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Statistics.class)))
    @APIResponse(responseCode = "400", description = "Invalid quarter")
    public Statistics json(@Parameter(description = "Quarter, YYYY-QN (default: the current one)") @QueryParam("quarter") String quarter) {
        return statistics.of(quarter);
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    @Operation(summary = "The same statistics as CSV: one line per figure (quarter, table, caisse, column, value or NS)")
    @APIResponse(responseCode = "200", description = "The statistics (text/csv, UTF-8)", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "Invalid quarter")
    public Response csv(@Parameter(description = "Quarter, YYYY-QN (default: the current one)") @QueryParam("quarter") String quarter) {
        Statistics s = statistics.of(quarter);
        return Response.ok(statistics.csv(s), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"statistiques-rgpd-" + s.quarter() + ".csv\"").build();
    }
}
