package fr.assurancemaladie.rgpd.rights.deadline;

import fr.assurancemaladie.rgpd.rights.deadline.law.Departement;

import fr.assurancemaladie.rgpd.rights.deadline.law.DeadlineCalculator;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The legal deadline of a request, for anyone who wants to check it. */
@Path("/api/v1/deadlines")
@Tag(name = "Deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    /** The answer. */
    public record Deadline(LocalDate receivedOn, String departement, int months, LocalDate dueOn) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Due date of a GDPR request", description = "GDPR art. 12(3) with Regulation 1182/71 art. 3: the "
            + "same day-of-month 1 (or 3, when extended) months after receipt, or that month's last day; then the next "
            + "working day after Saturdays, Sundays and the public holidays of the département (Alsace-Moselle: Good "
            + "Friday and 26 December; overseas: abolition of slavery).")
    @APIResponse(responseCode = "200", description = "The due date")
    @APIResponse(responseCode = "400", description = "Invalid date, département or number of months")
    public Deadline deadline(
            @Parameter(description = "Day the request was received, YYYY-MM-DD") @QueryParam("receivedOn") String receivedOn,
            @Parameter(description = "Département of the caisse: 01…95, 2A, 2B, 971…974, 976") @QueryParam("departement") String departement,
            @Parameter(description = "1 (the rule) or 3 (extended)") @QueryParam("months") @DefaultValue("1") String months) {
        if (receivedOn == null || receivedOn.isBlank()) {
            throw ProblemException.badRequest("Indiquez la date de réception (receivedOn, au format AAAA-MM-JJ).");
        }
        LocalDate received;
        try {
            received = LocalDate.parse(receivedOn.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Date de réception invalide : « " + Excerpt.of(receivedOn) + " » (format AAAA-MM-JJ).");
        }
        if (received.getYear() < 2000 || received.getYear() > 2100) {
            throw ProblemException.badRequest("Date de réception hors des années 2000 à 2100.");
        }
        Departement d = Departement.parse(departement).orElseThrow(() -> ProblemException.badRequest(
                "Département inconnu : « " + Excerpt.of(departement) + " » (01 à 95, 2A, 2B, 971 à 974, 976)."));
        int m = switch (months.strip()) {
            case "1" -> DeadlineCalculator.ONE_MONTH;
            case "3" -> DeadlineCalculator.EXTENDED;
            default -> throw ProblemException.badRequest("Le délai est d'un mois (months=1) ou de trois mois en cas de "
                    + "prolongation (months=3).");
        };
        return new Deadline(received, d.code(), m, DeadlineCalculator.dueOn(received, m, d));
    }
}
