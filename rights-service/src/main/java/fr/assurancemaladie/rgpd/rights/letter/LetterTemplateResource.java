package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.letter.LetterTemplates.Draft;
import fr.assurancemaladie.rgpd.rights.letter.LetterTemplates.Editor;
import fr.assurancemaladie.rgpd.rights.letter.LetterTemplates.Preview;
import fr.assurancemaladie.rgpd.rights.letter.LetterTemplates.TemplateView;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The letters' templates: read by DPOs and admins; new versions by the national DPO (Cnam) or an admin. */
@Path("/api/v1/letter-templates")
@Tag(name = "Letter templates")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"dpo", "admin"})
public class LetterTemplateResource {

    /** The caisse code of the national DPO. */
    static final String NATIONAL = "CNAM";

    @Inject
    LetterTemplates templates;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @GET
    @Operation(summary = "The current version of every letter's template", description = "Kinds: ACKNOWLEDGEMENT, "
            + "IDENTITY_REQUEST, EXTENSION_NOTICE, ANSWER, NOT_APPLICABLE, REFUSAL, LIFT_NOTICE, RECIPIENTS_STATEMENT, "
            + "DPO_DIGEST. A body is an XHTML fragment in Qute ({request.dueOn}, {reason}, {cnilRoute}…; docs/letters.md).")
    @APIResponse(responseCode = "200", description = "One template per kind")
    public List<TemplateView> current() {
        return templates.current();
    }

    @GET
    @Path("/{kind}/versions")
    @Operation(summary = "Every version of a template, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "Unknown kind")
    public List<TemplateView> versions(@PathParam("kind") String kind) {
        return templates.versions(kind);
    }

    @GET
    @Path("/{kind}/versions/{version}")
    @Operation(summary = "One version of a template")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "Unknown kind or version")
    public TemplateView version(@PathParam("kind") String kind, @PathParam("version") String version) {
        return templates.version(kind, number(version));
    }

    @POST
    @Path("/{kind}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a draft with sample data (national DPO or admin)", description = "The subject and the "
            + "letter's page as the person would receive it; a draft that does not render, or is not well-formed XHTML "
            + "(it could not be printed), is refused with the reason.")
    @APIResponse(responseCode = "200", description = "The preview")
    @APIResponse(responseCode = "400", description = "The draft does not render (French detail)")
    @APIResponse(responseCode = "403", description = "Not the national DPO nor an admin")
    public Preview preview(@PathParam("kind") String kind, Draft draft) {
        return templates.preview(editor(), kind, draft);
    }

    @POST
    @Path("/{kind}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the next version of a template (national DPO or admin), with the reason of the change",
            description = "Letters written from then on use it; each letter keeps the version that made it.")
    @APIResponse(responseCode = "201", description = "The new version")
    @APIResponse(responseCode = "400", description = "The draft does not render, or no reason (French detail)")
    @APIResponse(responseCode = "403", description = "Not the national DPO nor an admin")
    @APIResponse(responseCode = "409", description = "Someone saved a version at the same moment: reload")
    public Response save(@PathParam("kind") String kind, Draft draft) {
        TemplateView saved;
        try {
            saved = templates.save(editor(), kind, draft);
        } catch (jakarta.persistence.PersistenceException e) {
            throw ProblemException.conflict("Une autre version de ce modèle vient d'être enregistrée : rechargez-le.");
        }
        return Response.created(URI.create("/api/v1/letter-templates/" + saved.kind() + "/versions/" + saved.version()))
                .entity(saved).build();
    }

    private Editor editor() {
        String caisse = jwt.getClaim("caisse");
        return new Editor(identity.getPrincipal().getName(), identity.hasRole("admin"),
                identity.hasRole("dpo") && NATIONAL.equals(caisse));
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Cette version du modèle n'existe pas.");
        }
    }
}
