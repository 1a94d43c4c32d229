package fr.assurancemaladie.rgpd.retention.sweep;

import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.problem.Params;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs a sweep now (admin), without waiting for the schedule. {@code asOf} sweeps as if it were another day; it is
 * refused unless {@code rgpd.retention.sweep.allow-as-of=true}, which only the local run and tests set: in
 * production, a date in the future would order deletions before they are due.
 */
@Path("/api/v1/sweeps")
@Tag(name = "Sweeps")
@SecurityRequirement(name = "SecurityScheme")
public class SweepResource {

    @Inject
    Sweep sweep;

    @Inject
    RetentionClock clock;

    @Inject
    RetentionConfig config;

    @POST
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sweep now (admin)", description = "asOf=YYYY-MM-DD only where allowed (local run, tests). "
            + "503 when Kafka did not acknowledge some orders: they stay due and the next sweep sends them again.")
    public Sweep.Result run(@QueryParam("asOf") String asOf) {
        LocalDate day = clock.today();
        if (asOf != null) {
            if (!config.sweep().allowAsOf()) {
                throw ProblemException.forbidden("« asOf » est désactivé sur cette plateforme "
                        + "(rgpd.retention.sweep.allow-as-of).");
            }
            day = Params.date("asOf", asOf);
        }
        try {
            return sweep.sweep(day).orElseThrow(() -> ProblemException.conflict("Un balayage est déjà en cours."));
        } catch (Sweep.NotAcknowledged e) {
            throw new ProblemException(503, "Service indisponible", "Kafka n'a pas accusé réception de "
                    + e.missing() + " ordres de suppression : ils restent à ordonner et le prochain balayage les "
                    + "renverra, avec le même identifiant. Les ordres acceptés avant l'incident sont enregistrés.");
        }
    }
}
