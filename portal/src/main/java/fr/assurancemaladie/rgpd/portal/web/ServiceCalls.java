package fr.assurancemaladie.rgpd.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls to the services, and what a person reads when they go wrong: a service's problem+json becomes its French
 * detail (and, for a form, the message of each field at fault); a service that does not answer becomes the
 * "service unavailable" page; a missing resource the "not found" page. Never a stack trace.
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);
    static final java.util.regex.Pattern FIELD_DETAIL = java.util.regex.Pattern.compile(
            "Champ « ([A-Za-z0-9_.\\[\\]]{1,64}) » : (.+)", java.util.regex.Pattern.DOTALL);

    @Inject
    ObjectMapper json;

    /** A service's refusal: its status, its French detail, and the fields at fault. */
    public record Problem(int status, String detail, Map<String, String> fields) {
        public String field(String name) {
            return fields.get(name);
        }

        public boolean hasFields() {
            return !fields.isEmpty();
        }

        public List<Map.Entry<String, String>> fieldList() {
            return new ArrayList<>(fields.entrySet());
        }
    }

    /** A value, or the problem that took its place. */
    public record Result<T>(T value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** A page cannot be shown: the status and the French sentence the error page shows. */
    public static class PageException extends RuntimeException {
        private final int status;

        public PageException(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Calls a service; a 4xx becomes a {@link Problem}; a service away or failing, the unavailable page. */
    public <T> Result<T> call(Supplier<T> call) {
        try {
            return new Result<>(call.get(), null);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                LOG.warnf("A service answered %d", status);
                throw unavailable();
            }
            return new Result<>(null, problem(e.getResponse()));
        } catch (ProcessingException e) {
            LOG.warnf("A service could not be reached: %s", e.getCause() == null ? e.getClass().getSimpleName()
                    : e.getCause().getClass().getSimpleName());
            throw unavailable();
        }
    }

    /** Calls a service for what the page cannot do without: a 404 (or 403) from it is the page's own 404. */
    public <T> T required(Supplier<T> call) {
        Result<T> r = call(call);
        if (r.problem() != null) {
            int status = r.problem().status();
            throw new PageException(status == 401 ? 401 : status == 400 || status == 403 || status == 404 ? 404 : status,
                    r.problem().detail());
        }
        return r.value();
    }

    /** A number in a path (a fiche): anything else is a page that does not exist. */
    public int number(String text) {
        if (text == null || !text.matches("\\d{1,4}")) {
            throw new PageException(404, "Cette page n'existe pas.");
        }
        return Integer.parseInt(text);
    }

    static PageException unavailable() {
        return new PageException(503, "Le service ne répond pas pour le moment. Réessayez dans quelques minutes ; "
                + "rien n'a été perdu de ce que vous aviez déjà envoyé.");
    }

    Problem problem(Response response) {
        int status = response.getStatus();
        String detail = "La demande n'a pas pu être traitée.";
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            String body = response.readEntity(String.class);
            JsonNode p = body == null || body.isBlank() ? null : json.readTree(body);
            if (p != null && p.path("detail").isTextual()) {
                detail = p.path("detail").asText();
            }
            if (p != null) {
                for (JsonNode v : p.path("violations")) {
                    if (v.path("field").isTextual() && v.path("message").isTextual()) {
                        fields.putIfAbsent(v.path("field").asText(), v.path("message").asText());
                    }
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            // keep the generic sentence
        }
        // « Champ « reason » : Le texte contient… »: the services name the JSON field; next to the form's field the
        // person reads the message alone (the form's label says which field it is)
        java.util.regex.Matcher named = FIELD_DETAIL.matcher(detail);
        if (fields.isEmpty() && named.matches()) {
            fields.put(named.group(1), named.group(2));
            detail = named.group(2);
        }
        if (status == 401) {
            detail = "Votre session a expiré : reconnectez-vous.";
        }
        return new Problem(status, detail, fields);
    }
}
