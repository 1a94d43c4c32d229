package fr.assurancemaladie.rgpd.register.export;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.fiche.FicheCodec;
import fr.assurancemaladie.rgpd.register.fiche.FicheService;
import fr.assurancemaladie.rgpd.register.fiche.FicheVersion;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published register as a document (public). */
@Path("/api/v1/register/export")
@Tag(name = "Export")
public class ExportResource {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    FicheService fiches;

    @Inject
    FicheCodec codec;

    @GET
    @PermitAll
    @Operation(summary = "Export the published register", description = "json: the fiches as GET /api/v1/fiches/{n}; "
            + "csv: one line per fiche (UTF-8, RFC 4180); md: Markdown; html: a printable page with a table of contents by domain.")
    public Response export(@Parameter(description = "json, csv, md or html") @QueryParam("format") @DefaultValue("json") String format) {
        List<Fiche> published = FicheVersion.withStatus(FicheVersion.Status.PUBLISHED).stream().map(fiches::view).toList();
        LocalDate today = LocalDate.now(PARIS);
        String name = "registre-des-traitements-" + today;
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Response.ok(codec.toJson(published), "application/json").build();
            case "csv" -> file(RegisterExport.csv(published), "text/csv; charset=UTF-8", name + ".csv");
            case "md", "markdown" -> file(RegisterExport.markdown(published, today), "text/markdown; charset=UTF-8", name + ".md");
            case "html" -> Response.ok(RegisterExport.html(published, today), "text/html; charset=UTF-8").build();
            default -> throw ProblemException.badRequest("Format d'export inconnu : « " + Excerpt.of(format) + " » (json, csv, md ou html).");
        };
    }

    private static Response file(String body, String type, String filename) {
        return Response.ok(body, type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").build();
    }
}
