package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Outcome;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Written;
import fr.assurancemaladie.rgpd.support.problem.Params;
import fr.assurancemaladie.rgpd.support.problem.Problem;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The register over HTTP. Reading published fiches is public (the register is published information); editing
 * needs {@code register-editor} or {@code admin}; publishing needs {@code admin} or the national DPO (role
 * {@code dpo} with caisse {@code CNAM}).
 */
@Path("/api/v1")
@Tag(name = "Fiches")
@Produces(MediaType.APPLICATION_JSON)
public class FicheResource {

    static final Set<String> EDITORS = Set.of("register-editor", "admin");
    static final String NATIONAL_CAISSE = "CNAM";

    @Inject
    FicheService fiches;

    @Inject
    FicheSearch search;

    @Inject
    PublishedFicheCache cache;

    @Inject
    FicheCodec codec;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** One version in a fiche's history. */
    public record VersionInfo(int version, String status, String origin, Instant updatedAt, String updatedBy,
            Instant publishedAt, String publishedBy, List<String> changedFields) {
    }

    /** Changes between two versions. */
    public record Diff(int number, int from, int to, List<FicheDiff.Change> changes) {
    }

    @GET
    @Path("/fiches")
    @PermitAll
    @Operation(summary = "Search the register", description = "Published fiches (drafts for editors with status=DRAFT), "
            + "filtered by domain, French full-text query, GDPR article, applicability of a right, retention trigger; paged.")
    @APIResponse(responseCode = "200", description = "A page of fiche summaries")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public FicheSearch.Page search(
            @Parameter(description = "Domain code, e.g. 01") @QueryParam("domain") String domain,
            @Parameter(description = "French full-text query") @QueryParam("q") String q,
            @Parameter(description = "GDPR reference among the legal bases, e.g. 6-1-e") @QueryParam("gdprArticle") String gdprArticle,
            @Parameter(description = "access, rectification, erasure, limitation, objection or portability") @QueryParam("right") String right,
            @Parameter(description = "Applicability wanted for 'right'") @QueryParam("applies") String applies,
            @Parameter(description = "Retention trigger code, e.g. RIGHTS_END") @QueryParam("trigger") String trigger,
            @Parameter(description = "PUBLISHED (default) or DRAFT (editors, admins, national DPO)") @QueryParam("status") @DefaultValue("PUBLISHED") String status,
            @QueryParam("page") @DefaultValue("0") String pageParam,
            @QueryParam("size") @DefaultValue("20") String sizeParam) {
        int page = Params.integer("page", pageParam);
        int size = Params.integer("size", sizeParam);
        FicheVersion.Status wanted = switch (status.toUpperCase(Locale.ROOT)) {
            case "PUBLISHED" -> FicheVersion.Status.PUBLISHED;
            case "DRAFT" -> {
                requireEditor();
                yield FicheVersion.Status.DRAFT;
            }
            default -> throw ProblemException.badRequest("Statut inconnu : « " + Excerpt.of(status) + " » (PUBLISHED ou DRAFT).");
        };
        if (page < 0 || size < 1 || size > 100) {
            throw ProblemException.badRequest("Pagination invalide : page ≥ 0 et 1 ≤ size ≤ 100.");
        }
        Right r = null;
        Boolean a = null;
        if (right != null || applies != null) {
            if (right == null || applies == null) {
                throw ProblemException.badRequest("Les filtres « right » et « applies » s'emploient ensemble.");
            }
            r = Right.fromField(right).orElseThrow(() -> ProblemException.badRequest("Droit inconnu : « " + Excerpt.of(right)
                    + " » (access, rectification, erasure, limitation, objection, portability)."));
            if (!applies.equalsIgnoreCase("true") && !applies.equalsIgnoreCase("false")) {
                throw ProblemException.badRequest("« applies » vaut true ou false.");
            }
            a = Boolean.parseBoolean(applies.toLowerCase(Locale.ROOT));
        }
        RetentionTrigger t = trigger == null ? null : RetentionTrigger.fromCode(trigger.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.badRequest("Événement déclencheur inconnu : « " + Excerpt.of(trigger) + " » ("
                        + String.join(", ", Arrays.stream(RetentionTrigger.values()).map(Enum::name).toList()) + ")."));
        String article = null;
        if (gdprArticle != null) {
            article = GdprArticles.articleOf("article " + gdprArticle).orElseThrow(() -> ProblemException.badRequest(
                    "Référence RGPD invalide : « " + Excerpt.of(gdprArticle) + " » (ex. 6-1-e)."));
        }
        String code = null;
        if (domain != null) {
            if (!domain.matches("\\d{1,2}")) {
                throw ProblemException.badRequest("Code de domaine invalide : « " + Excerpt.of(domain) + " » (ex. 01).");
            }
            code = domain.length() == 1 ? "0" + domain : domain;
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.badRequest("La recherche ne doit pas dépasser 200 caractères.");
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        return search.search(new FicheSearch.Criteria(code, text, article, r, a, t, wanted), page, size);
    }

    @GET
    @Path("/fiches/{number}")
    @PermitAll
    @Operation(summary = "A published fiche, whole: the contract other services rely on")
    @APIResponse(responseCode = "200", description = "The fiche", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Fiche.class)))
    @APIResponse(responseCode = "404", description = "No published fiche with that number")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matches the ETag)")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@PathParam("number") int number,
            @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch) {
        // the hot path answers from memory on the event loop; a miss reads the database on a worker thread
        Optional<PublishedFicheCache.Entry> cached = cache.cached(number);
        if (cached.isPresent()) {
            return Uni.createFrom().item(ficheResponse(cached.get(), ifNoneMatch));
        }
        return Uni.createFrom().item(() -> cache.get(number))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(entry -> ficheResponse(entry.orElseThrow(() -> ProblemException.notFound(
                        "La fiche n°" + number + " n'existe pas ou n'est pas publiée.")), ifNoneMatch));
    }

    private static Response ficheResponse(PublishedFicheCache.Entry fiche, String ifNoneMatch) {
        if (fiche.etag().equals(ifNoneMatch)) {
            return Response.notModified().header(jakarta.ws.rs.core.HttpHeaders.ETAG, fiche.etag()).build();
        }
        return Response.ok(fiche.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(jakarta.ws.rs.core.HttpHeaders.ETAG, fiche.etag()).build();
    }

    @PUT
    @Path("/fiches/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"register-editor", "admin"})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Write a draft version of a fiche", description = "Derived fields (gdprArticles, rights.applies "
            + "and reasons) are recomputed; rights.stated and structured retention rules are kept as written; a rule "
            + "given with its text only is structured by the importer's rules. The same content as the latest "
            + "version writes nothing (200).")
    @APIResponse(responseCode = "201", description = "New draft version")
    @APIResponse(responseCode = "200", description = "No change: the latest version")
    @APIResponse(responseCode = "400", description = "Invalid fiche")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the latest")
    public Response put(@PathParam("number") int number,
            @Parameter(description = "Optional: the ETag (\"n-v\") or version the edit starts from; refused if the fiche changed since")
            @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, Fiche body) {
        if (body == null) {
            throw ProblemException.badRequest("Le corps de la requête doit être une fiche au format JSON.");
        }
        if (body.number() != 0 && body.number() != number) {
            throw ProblemException.badRequest("Le numéro de la fiche (" + body.number() + ") ne correspond pas à l'URL ("
                    + number + ").");
        }
        Fiche edited = withNumber(body, number);
        if (edited.domain() == null) {
            edited = withDomain(edited, fiches.domainName(edited.domainCode()));
        }
        List<Problem.Violation> violations = FicheValidator.validate(edited).stream()
                .map(v -> new Problem.Violation(v.field(), v.message())).toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Requête invalide", "La fiche n'est pas valide.", violations);
        }
        if (edited.domain() == null) {
            throw new ProblemException(400, "Requête invalide", "La fiche n'est pas valide.",
                    List.of(new Problem.Violation("domain", "Nom de domaine requis pour un nouveau code de domaine.")));
        }
        Written written = fiches.saveDraft(edited, user(), baseVersion(number, ifMatch));
        Fiche saved = fiches.version(number, written.version()).map(fiches::view).orElseThrow();
        return Response.status(written.outcome() == Outcome.UNCHANGED ? 200 : 201).entity(saved).build();
    }

    @POST
    @Path("/fiches/{number}/publish")
    @Authenticated
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Publish the draft of a fiche (admin or national DPO)", description = "The previous published "
            + "version is superseded; the fiche goes on register.fiches.")
    @APIResponse(responseCode = "200", description = "The published fiche")
    @APIResponse(responseCode = "403", description = "Neither admin nor national DPO")
    @APIResponse(responseCode = "409", description = "No draft to publish")
    public Fiche publish(@PathParam("number") int number) {
        if (!identity.hasRole("admin") && !isNationalDpo()) {
            throw ProblemException.forbidden("La publication d'une fiche est réservée aux administrateurs et au DPO national.");
        }
        Fiche published = fiches.view(fiches.publish(number, user()));
        cache.load(number); // committed: serve the new version at once
        return published;
    }

    @GET
    @Path("/fiches/{number}/versions")
    @PermitAll
    @Operation(summary = "History of a fiche", description = "Versions that were published, for everyone; drafts too for editors.")
    public List<VersionInfo> versions(@PathParam("number") int number) {
        boolean editor = isEditor();
        List<VersionInfo> history = FicheVersion.history(number).stream()
                .filter(v -> editor || v.publishedAt != null)
                .map(v -> new VersionInfo(v.version, v.status.name(), v.origin.name(), v.updatedAt, v.updatedBy,
                        v.publishedAt, v.publishedBy, changedFields(v)))
                .toList();
        if (history.isEmpty()) {
            throw ProblemException.notFound("La fiche n°" + number + " n'existe pas.");
        }
        return history;
    }

    @GET
    @Path("/fiches/{number}/versions/{version}")
    @PermitAll
    @Operation(summary = "One version of a fiche")
    public Fiche version(@PathParam("number") int number, @PathParam("version") int version) {
        return fiches.view(visibleVersion(number, version));
    }

    @GET
    @Path("/fiches/{number}/diff")
    @PermitAll
    @Operation(summary = "Changes between two versions of a fiche", description = "Defaults: to = latest visible version, "
            + "from = the version before it.")
    public Diff diff(@PathParam("number") int number, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        Integer from = fromParam == null ? null : Params.integer("from", fromParam);
        Integer to = toParam == null ? null : Params.integer("to", toParam);
        List<VersionInfo> history = versions(number);
        int target = to != null ? to : history.get(history.size() - 1).version();
        int source = from != null ? from : history.stream().mapToInt(VersionInfo::version).filter(v -> v < target)
                .max().orElseThrow(() -> ProblemException.badRequest("La version " + target
                        + " n'a pas de version précédente : indiquez « from »."));
        Fiche before = fiches.view(visibleVersion(number, source));
        Fiche after = fiches.view(visibleVersion(number, target));
        return new Diff(number, source, target, codec.diff(before, after));
    }

    @GET
    @Path("/drafts")
    @RolesAllowed({"register-editor", "admin"})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Draft versions waiting for publication (register editors and admins)")
    public FicheSearch.Page drafts(@QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("100") String size) {
        return search(null, null, null, null, null, null, "DRAFT", page, size);
    }

    // ---- helpers

    private FicheVersion visibleVersion(int number, int version) {
        FicheVersion v = fiches.version(number, version).orElseThrow(() -> ProblemException.notFound(
                "La version " + version + " de la fiche n°" + number + " n'existe pas."));
        if (v.publishedAt == null && !isEditor()) {
            if (identity.isAnonymous()) {
                throw new io.quarkus.security.UnauthorizedException();
            }
            throw ProblemException.forbidden("Les brouillons sont réservés aux éditeurs du registre, aux administrateurs "
                    + "et au DPO national.");
        }
        return v;
    }

    private List<String> changedFields(FicheVersion v) {
        return codec.tree(v.changes).findValuesAsText("field");
    }

    /** Editors, admins and the national DPO (who publishes) may read drafts. */
    private boolean isEditor() {
        return !identity.isAnonymous() && (EDITORS.stream().anyMatch(identity::hasRole) || isNationalDpo());
    }

    private boolean isNationalDpo() {
        return identity.hasRole("dpo") && NATIONAL_CAISSE.equals(jwt.getClaim("caisse"));
    }

    /** The version an If-Match header names ("86-3" as the ETag gives it, or "3"), or null without the header. */
    private static Integer baseVersion(int number, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replace("W/", "").replace("\"", "");
        String version = tag.startsWith(number + "-") ? tag.substring(String.valueOf(number).length() + 1) : tag;
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("En-tête If-Match invalide : « " + Excerpt.of(ifMatch) + " » (attendu : \"" + number + "-version\").");
        }
    }

    private void requireEditor() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (!isEditor()) {
            throw ProblemException.forbidden("Les brouillons sont réservés aux éditeurs du registre.");
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Fiche withNumber(Fiche f, int number) {
        return new Fiche(number, f.domainCode(), f.domain(), f.title(), f.purposeDetails(), f.subPurposes(),
                f.legalBases(), f.gdprArticles(), f.dataSubjectCategories(), f.dataTypes(), f.recipients(),
                f.accessors(), f.retentionRules(), f.rightsText(), f.rights(), f.objectionExclusionReason(),
                f.securityMeasures(), f.controllerNotes(), null, null, null, null);
    }

    private static Fiche withDomain(Fiche f, String domain) {
        return new Fiche(f.number(), f.domainCode(), domain, f.title(), f.purposeDetails(), f.subPurposes(),
                f.legalBases(), f.gdprArticles(), f.dataSubjectCategories(), f.dataTypes(), f.recipients(),
                f.accessors(), f.retentionRules(), f.rightsText(), f.rights(), f.objectionExclusionReason(),
                f.securityMeasures(), f.controllerNotes(), null, null, null, null);
    }
}
