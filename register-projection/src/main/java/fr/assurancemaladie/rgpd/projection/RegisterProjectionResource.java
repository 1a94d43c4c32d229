package fr.assurancemaladie.rgpd.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What this service knows of the register: which version of each fiche it obeys. */
@Path("/api/v1/register-projection")
@Tag(name = "Register projection")
@SecurityRequirement(name = "SecurityScheme")
public class RegisterProjectionResource {

    @Inject
    ProjectedFiches fiches;

    public record ProjectedFicheView(int number, int version, String status, String title, Instant receivedAt) {
    }

    @GET
    @RolesAllowed({"dpo", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fiches received from register.fiches, with the version in force here (DPOs and admins)")
    public List<ProjectedFicheView> list() {
        return fiches.all().stream()
                .map(f -> new ProjectedFicheView(f.number, f.version, f.status.name(), f.title, f.receivedAt))
                .toList();
    }
}
