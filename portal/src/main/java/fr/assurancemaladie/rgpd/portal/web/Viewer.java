package fr.assurancemaladie.rgpd.portal.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking at the page: anonymous, or the signed-in person with their roles and caisse (from the tokens
 * quarkus-oidc verified). Used by the pages to choose what to offer; every decision stays with the services.
 */
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    Instance<JsonWebToken> idToken;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (!signedIn()) {
            return null;
        }
        JsonWebToken t = idToken.isResolvable() ? idToken.get() : null;
        Object name = t == null ? null : t.getClaim("name");
        Object username = t == null ? null : t.getClaim("preferred_username");
        return name != null ? String.valueOf(name) : username != null ? String.valueOf(username)
                : identity.getPrincipal().getName();
    }

    public String caisse() {
        JsonWebToken t = signedIn() && idToken.isResolvable() ? idToken.get() : null;
        Object c = t == null ? null : t.getClaim("caisse");
        return c == null ? null : String.valueOf(c);
    }

    public boolean citizen() {
        return identity.hasRole("citizen");
    }

    public boolean dpo() {
        return identity.hasRole("dpo");
    }

    public boolean editor() {
        return identity.hasRole("register-editor") || identity.hasRole("admin") || nationalDpo();
    }

    public boolean admin() {
        return identity.hasRole("admin");
    }

    /** The DPO of the Cnam, who publishes the register with the admins. */
    public boolean nationalDpo() {
        return dpo() && "CNAM".equals(caisse());
    }

    public boolean mayPublish() {
        return admin() || nationalDpo();
    }
}
