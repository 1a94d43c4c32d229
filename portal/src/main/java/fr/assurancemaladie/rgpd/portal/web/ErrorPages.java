package fr.assurancemaladie.rgpd.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as pages a person can read, in French, with a way on; never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Pages pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, int status, String heading, String detail);
    }

    @ServerExceptionMapper
    public Response page(ServiceCalls.PageException e) {
        return respond(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, "Cette page n'existe pas, ou elle n'est pas accessible avec votre compte.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(405, "Cette adresse ne s'utilise pas ainsi.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return respond(status, status == 403 ? "Votre compte ne donne pas accès à cette page."
                : "La page demandée n'a pas pu être affichée.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        // the type and where it happened, never the message (it may quote what a person typed)
        LOG.errorf("Page failed: %s at %s", e.getClass().getName(), where(e));
        LOG.debug("Page failed", e);
        return respond(500, "Une erreur inattendue s'est produite. Réessayez plus tard.");
    }

    /** The first frame of the portal's own code in the trace, or the first frame at all. */
    static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("fr.assurancemaladie.")) {
                return frame.toString();
            }
        }
        return trace.length > 0 ? trace[0].toString() : "?";
    }

    Response respond(int status, String detail) {
        String heading = switch (status) {
            case 401 -> "Votre session a expiré";
            case 403 -> "Accès refusé";
            case 404 -> "Page introuvable";
            case 503 -> "Service momentanément indisponible";
            default -> status >= 500 ? "Une erreur s'est produite" : "Demande impossible";
        };
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(pages.page(heading, "erreur"), status, heading, detail)).build();
    }
}
