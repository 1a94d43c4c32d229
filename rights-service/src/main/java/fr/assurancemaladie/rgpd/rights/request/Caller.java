package fr.assurancemaladie.rgpd.rights.request;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls, from the verified token: user name, role, and the claims that matter (nir, caisse). */
public record Caller(String username, boolean citizen, boolean dpo, String nir, String caisse) {

    public static Caller of(SecurityIdentity identity, JsonWebToken jwt) {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole("citizen"), identity.hasRole("dpo"),
                jwt.getClaim("nir"), jwt.getClaim("caisse"));
    }

    public String role() {
        return dpo ? "dpo" : citizen ? "citizen" : "other";
    }
}
