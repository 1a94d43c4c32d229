package fr.assurancemaladie.rgpd.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.assurancemaladie.rgpd.events.Nir;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.InvalidTextException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json}: bad input is a clear 4xx with a French detail,
 * an unexpected failure a 500 that says nothing of the internals (the log has them).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.violations().isEmpty() ? null : e.violations());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Authentification requise",
                        "Un jeton d'accès valide est nécessaire (en-tête Authorization: Bearer).", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rgpd\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Accès refusé", "Vos droits ne permettent pas cette opération.", uri, null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " : " + v.message()).collect(Collectors.joining(" ; "));
        return respond(400, "Requête invalide", detail, uri, violations);
    }

    /** Quarkus has its own mapper for MismatchedInputException: naming it here makes ours win. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String detail = "Le corps de la requête n'est pas un JSON valide.";
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            detail = "Le corps de la requête répète une clé JSON : chaque clé ne doit figurer qu'une fois.";
        } else if (e instanceof InvalidTextException text) {
            detail = text.getPath().isEmpty() ? text.getOriginalMessage()
                    : "Champ « " + path(text) + " » : " + text.getOriginalMessage();
        } else if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            detail = "Valeur invalide pour le champ « " + path(invalid) + " ».";
        } else if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            detail = "Type inattendu pour le champ « " + path(mismatched) + " ».";
        }
        return respond(400, "Requête invalide", detail, uri, null);
    }

    @ServerExceptionMapper
    public Response invalidNir(Nir.InvalidNirException e, UriInfo uri) {
        return respond(400, "Requête invalide", e.problem().message(), uri,
                List.of(new Problem.Violation("nir", e.problem().message())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return respond(status, Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Erreur", frenchDetail(status), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        switch (DatabaseFailures.classify(e)) {
            case UNAVAILABLE -> {
                LOG.warnf("Database unavailable on %s: %s", path(uri), DatabaseFailures.describe(e));
                return Response.fromResponse(respond(503, "Service indisponible", "Le service est momentanément "
                        + "indisponible : rien n'a été enregistré. Réessayez dans quelques instants.", uri, null))
                        .header(HttpHeaders.RETRY_AFTER, "5").build();
            }
            case DATA_REFUSED -> {
                LOG.warnf("Value refused by the database on %s: %s", path(uri), DatabaseFailures.describe(e));
                return respond(400, "Requête invalide", "Une valeur de la requête ne peut pas être enregistrée "
                        + "(caractère ou nombre hors des limites admises).", uri, null);
            }
            default -> {
                // below
            }
        }
        // The class only: a message may quote stored values (a constraint violation names the key), and a NIR
        // must never reach the log. The stack trace is kept at debug level.
        LOG.errorf("Unexpected failure on %s: %s", path(uri), e.getClass().getName());
        LOG.debug("Unexpected failure", e);
        return respond(500, "Erreur interne", "Une erreur inattendue s'est produite. Réessayez plus tard.", uri, null);
    }

    /** The request path as it may appear in a log line: short, control characters escaped. */
    private static String path(UriInfo uri) {
        return uri == null ? "?" : Excerpt.of(uri.getPath(), 200);
    }

    private static String frenchDetail(int status) {
        return switch (status) {
            case 400 -> "Requête invalide.";
            case 404 -> "La ressource demandée n'existe pas.";
            case 405 -> "Méthode non autorisée sur cette ressource.";
            case 413 -> "Le corps de la requête est trop volumineux.";
            case 406 -> "Format de réponse non disponible.";
            case 415 -> "Type de contenu non pris en charge.";
            default -> status >= 500 ? "Une erreur inattendue s'est produite. Réessayez plus tard." : "Requête refusée.";
        };
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String leaf(String propertyPath) {
        // "submit.body.message" -> "message": the caller knows fields, not Java methods
        String[] parts = propertyPath.split("\\.");
        return parts.length >= 3 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : propertyPath;
    }

    private static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        Problem problem = new Problem(java.net.URI.create("about:blank"), title, status, detail,
                uri == null ? null : uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
