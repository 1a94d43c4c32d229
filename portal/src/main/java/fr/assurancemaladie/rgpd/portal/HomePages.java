package fr.assurancemaladie.rgpd.portal;

import fr.assurancemaladie.rgpd.portal.web.Page;
import fr.assurancemaladie.rgpd.portal.web.Pages;
import fr.assurancemaladie.rgpd.portal.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The home page, the sign-in entry point and the accessibility statement. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    Pages pages;

    @Inject
    Viewer viewer;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page);

        static native TemplateInstance accessibility(Page page);

        static native TemplateInstance signedOut(Page page);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(pages.page("Accueil", "accueil"));
    }

    /** Signing in (the OIDC flow runs before this method), then to the person's own space. */
    @GET
    @Path("connexion")
    @Authenticated
    public Response signIn() {
        String next = viewer.dpo() ? "/dpo" : viewer.editor() ? "/editeur" : "/mes-demandes";
        return Response.seeOther(URI.create(next)).build();
    }

    /** Where Keycloak sends the person back once both sessions, the portal's and Keycloak's, have ended. */
    @GET
    @Path("deconnecte")
    public TemplateInstance signedOut() {
        return Templates.signedOut(pages.page("Vous êtes déconnecté", "accueil"));
    }

    @GET
    @Path("accessibilite")
    public TemplateInstance accessibility() {
        return Templates.accessibility(pages.page("Déclaration d'accessibilité", "accueil"));
    }
}
