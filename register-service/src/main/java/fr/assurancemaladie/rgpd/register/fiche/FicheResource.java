package fr.assurancemaladie.rgpd.register.fiche;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading the register. Published fiches are public; drafts are for editors. */
@Path("/api/v1")
@Tag(name = "Fiches")
@Produces(MediaType.APPLICATION_JSON)
public class FicheResource {

    /** One line of a fiche listing. */
    public record FicheSummary(int number, int version, String domainCode, String title, String status,
            Instant updatedAt, String updatedBy) {

        static FicheSummary of(FicheVersion f) {
            return new FicheSummary(f.number, f.version, f.domainCode, f.title, f.status.name(), f.updatedAt,
                    f.updatedBy);
        }
    }

    @GET
    @Path("/fiches")
    @PermitAll
    @Operation(summary = "Published fiches of the register")
    public List<FicheSummary> published() {
        return FicheVersion.withStatus(FicheVersion.Status.PUBLISHED).stream().map(FicheSummary::of).toList();
    }

    @GET
    @Path("/drafts")
    @RolesAllowed({"register-editor", "admin"})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Draft versions waiting for publication (register editors and admins)")
    public List<FicheSummary> drafts() {
        return FicheVersion.withStatus(FicheVersion.Status.DRAFT).stream().map(FicheSummary::of).toList();
    }
}
