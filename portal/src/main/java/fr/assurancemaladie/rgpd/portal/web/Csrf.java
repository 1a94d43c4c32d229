package fr.assurancemaladie.rgpd.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every form is protected against cross-site request forgery (double submit): the portal gives each browser a random
 * token in an HttpOnly, SameSite=Strict cookie ({@value #COOKIE}) and writes the same token in a hidden field of each
 * form ({@value #FIELD}); a POST, PUT or DELETE whose field does not match its cookie is refused (403) before any page
 * sees it. A foreign site can neither read the cookie nor guess the token, and a form of another site arrives without
 * the cookie.
 */
public class Csrf {

    public static final String COOKIE = "rgpd-csrf";
    public static final String FIELD = "_csrf";
    static final String CONTEXT_KEY = "rgpd.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "true")
    boolean secure;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext container, RoutingContext routing) {
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) container.getServerRequestContext();
        Cookie cookie = routing.request().getCookie(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        boolean known = token != null && token.matches("[A-Za-z0-9_-]{43}");
        if (!known) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            routing.response().addCookie(Cookie.cookie(COOKIE, token).setHttpOnly(true).setSecure(secure)
                    .setSameSite(CookieSameSite.STRICT).setPath("/"));
        }
        routing.put(CONTEXT_KEY, token);
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        Object sent = known ? request.getFormParameter(FIELD, true, false) : null;
        if (!(sent instanceof String s) || !MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(REFUSED).build();
        }
        return null;
    }

    static final String REFUSED = """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Formulaire expiré — Portail RGPD</title>
            <link rel="stylesheet" href="/static/ds/design-system.min.css"></head><body class="govuk-template__body">
            <main class="govuk-main-wrapper govuk-width-container" id="contenu"><h1 class="govuk-heading-l">Formulaire
            expiré</h1><p class="govuk-body">Ce formulaire n'a pas pu être vérifié : la page était ouverte depuis
            longtemps, ou le formulaire vient d'un autre site. Rien n'a été enregistré.</p><p class="govuk-body">
            <a class="govuk-link" href="/">Revenir à l'accueil</a>, puis recommencez.</p></main></body></html>""";

    /** The token to write in the forms of the page being rendered. */
    public static String token(RoutingContext routing) {
        Object t = routing.get(CONTEXT_KEY);
        return t == null ? "" : t.toString();
    }
}
