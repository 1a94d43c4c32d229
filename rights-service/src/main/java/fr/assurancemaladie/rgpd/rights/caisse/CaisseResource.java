package fr.assurancemaladie.rgpd.rights.caisse;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The directory of caisses and their DPO contacts: public, edited by admins. */
@Path("/api/v1/caisses")
@Tag(name = "Caisses")
@Produces(MediaType.APPLICATION_JSON)
public class CaisseResource {

    @Inject
    CaisseQueries queries;

    

    @Inject
    CaisseDirectory directory;

    /** A caisse as the public sees it. */
    public record CaisseView(String code, String kind, String name, String departement, String scope, DpoContact dpo,
            Instant updatedAt) {

        static CaisseView of(Caisse c) {
            return new CaisseView(c.code, c.kind.name(), c.name, c.departement, c.scope.name(),
                    new DpoContact(c.dpoEmail, c.dpoPostalAddress, c.dpoPhone), c.updatedAt);
        }
    }

    /** How to reach the DPO of a caisse. */
    public record DpoContact(
            @NotBlank(message = "L'adresse électronique du DPO est obligatoire.")
            @Email(message = "L'adresse électronique du DPO n'est pas valide.")
            @Pattern(regexp = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$", message = "L'adresse électronique du DPO n'est pas valide.")
            @Size(max = 254, message = "L'adresse électronique ne doit pas dépasser 254 caractères.") String email,
            @NotBlank(message = "L'adresse postale du DPO est obligatoire.")
            @Size(min = 10, max = 500, message = "L'adresse postale doit compter entre 10 et 500 caractères.") String postalAddress,
            @Pattern(regexp = "^\\+?[0-9 .()-]{6,32}$", message = "Le numéro de téléphone n'est pas valide.") String phone) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Every organisation with a DPO: CPAMs, CGSS, CSS of Mayotte, CNMSS, Cnam")
    public List<CaisseView> list() {
        return queries.list();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One caisse and its DPO contact")
    @APIResponse(responseCode = "200", description = "The caisse", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaisseView.class)))
    @APIResponse(responseCode = "404", description = "Unknown caisse code")
    public CaisseView get(@PathParam("code") String code) {
        return queries.get(code);
    }

    @PUT
    @Path("/{code}/dpo-contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Set the DPO contact of a caisse (admins)")
    @APIResponse(responseCode = "200", description = "The caisse with its new DPO contact", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaisseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid contact")
    public CaisseView setDpoContact(@PathParam("code") String code, @Valid DpoContact contact) {
        return queries.setDpoContact(code, contact);
    }

    
}
