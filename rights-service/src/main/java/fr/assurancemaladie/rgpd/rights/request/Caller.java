package fr.assurancemaladie.rgpd.rights.request;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls, from the verified token: user name, roles, and the claims that matter (nir, caisse, email). */
public record Caller(String username, boolean citizen, boolean dpo, String nir, String caisse, String email,
        boolean admin) {

    public static Caller of(SecurityIdentity identity, JsonWebToken jwt) {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole("citizen"), identity.hasRole("dpo"),
                jwt.getClaim("nir"), jwt.getClaim("caisse"), jwt.getClaim("email"), identity.hasRole("admin"));
    }

    public String role() {
        return dpo ? "dpo" : citizen ? "citizen" : "other";
    }
}
