package fr.assurancemaladie.rgpd.register.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Written;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports the official register document (its text, as converted from the PDF). */
@Path("/api/v1/imports")
@Tag(name = "Import")
@SecurityRequirement(name = "SecurityScheme")
public class ImportResource {

    @Inject
    RegisterImporter importer;

    @Inject
    SecurityIdentity identity;

    /** The answer: with {@code dryRun}, the parsed fiches; otherwise what was written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportResult(boolean dryRun, String documentSha256, int fichesFound, Long importId, Integer published,
            Integer drafted, Integer unchanged, List<Written> written, ImportReport report, List<Fiche> fiches) {
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"register-editor", "admin"})
    @Operation(summary = "Import the official register document", description = "Parses the document (text of the "
            + "PDF register), structures its fiches and reports every anomaly met. With dryRun=true nothing is saved "
            + "and the parsed fiches are returned; otherwise a fiche never seen is published, a changed fiche gets a "
            + "new draft, an unchanged fiche is left alone (re-importing the same document changes nothing).")
    @APIResponse(responseCode = "200", description = "Import result with its report")
    @APIResponse(responseCode = "400", description = "Empty document or no fiche found")
    public ImportResult importDocument(
            @Parameter(description = "true: parse and report only; false (default): save")
            @QueryParam("dryRun") @DefaultValue("false") String dryRunParam,
            String document) {
        boolean dryRun = switch (dryRunParam.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("« dryRun » vaut true ou false.");
        };
        if (document == null || document.isBlank()) {
            throw ProblemException.badRequest("Le document à importer est vide.");
        }
        RegisterImporter.Preview preview = importer.preview(document);
        if (preview.fiches().isEmpty()) {
            throw ProblemException.badRequest("Aucune fiche n'a été trouvée dans ce document (en-têtes « Fiche N » ou "
                    + "tableaux « Sous-finalités » attendus).");
        }
        List<String> problems = RegisterImporter.problems(preview);
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "Requête invalide", "Le document contient des fiches invalides : rien n'a été "
                    + "enregistré.", problems.stream().limit(100).map(p -> new fr.assurancemaladie.rgpd.support.problem
                            .Problem.Violation("document", p)).toList());
        }
        if (dryRun) {
            return new ImportResult(true, preview.documentSha256(), preview.fiches().size(), null, null, null, null,
                    null, preview.report(), preview.fiches());
        }
        RegisterImporter.Imported imported = importer.importPreview(preview, identity.getPrincipal().getName());
        return new ImportResult(false, imported.documentSha256(), imported.fiches().size(), imported.importId(),
                imported.published(), imported.drafted(), imported.unchanged(), imported.fiches(), imported.report(),
                null);
    }
}
