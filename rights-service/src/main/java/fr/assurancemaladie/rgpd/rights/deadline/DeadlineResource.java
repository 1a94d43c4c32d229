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
import fr.assurancemaladie.rgpd.rights.deadline.law.HolidayCalendar;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
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

    private static final java.time.format.DateTimeFormatter FRENCH_DAY = java.time.format.DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRANCE);

    /** The answer, and why: the day the period would end on, and each day that moved it with its name. */
    public record Deadline(LocalDate receivedOn, String departement, String caisse, int months, LocalDate nominal,
            List<DeadlineCalculator.SkippedDay> skipped, LocalDate dueOn, String explanation) {
    }

    @Inject
    CaisseCalendars calendars;

    @Inject
    fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory caisses;

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
            @Parameter(description = "Département of the caisse: 01…95, 2A, 2B, 971…974, 976 (its legal holidays)") @QueryParam("departement") String departement,
            @Parameter(description = "Or the caisse's code: its own calendar (legal holidays and local days)") @QueryParam("caisse") String caisse,
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
        if ((departement == null) == (caisse == null)) {
            throw ProblemException.badRequest("Indiquez le département (departement) ou la caisse (caisse), l'un des deux.");
        }
        HolidayCalendar calendar;
        String code = null;
        String dep;
        if (caisse != null) {
            var info = caisses.get(caisse.strip().toUpperCase(java.util.Locale.ROOT)).orElseThrow(() ->
                    ProblemException.badRequest("Caisse inconnue : « " + Excerpt.of(caisse) + " »."));
            code = info.code();
            dep = info.departement();
            calendar = calendars.of(code, received);
        } else {
            Departement d = Departement.parse(departement).orElseThrow(() -> ProblemException.badRequest(
                    "Département inconnu : « " + Excerpt.of(departement) + " » (01 à 95, 2A, 2B, 971 à 974, 976)."));
            dep = d.code();
            calendar = HolidayCalendar.legal(d);
        }
        int m = switch (months.strip()) {
            case "1" -> DeadlineCalculator.ONE_MONTH;
            case "3" -> DeadlineCalculator.EXTENDED;
            default -> throw ProblemException.badRequest("Le délai est d'un mois (months=1) ou de trois mois en cas de "
                    + "prolongation (months=3).");
        };
        DeadlineCalculator.Explanation e = DeadlineCalculator.explain(received, m, calendar);
        String text = "Reçue le " + received.format(FRENCH_DAY) + " : " + (m == 1 ? "un mois" : "trois mois")
                + " plus tard, le " + e.nominal().format(FRENCH_DAY)
                + (e.skipped().isEmpty() ? "." : " ; " + String.join(", ", e.skipped().stream()
                        .map(x -> x.day().format(FRENCH_DAY) + " (" + x.why() + ")").toList())
                        + (e.skipped().size() == 1 ? " ne compte pas" : " ne comptent pas") + " : l'échéance est le "
                        + e.dueOn().format(FRENCH_DAY) + ".");
        return new Deadline(received, dep, code, m, e.nominal(), e.skipped(), e.dueOn(), text);
    }
}
