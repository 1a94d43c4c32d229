package fr.assurancemaladie.rgpd.retention.access;

import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who reads or writes retention data: an admin sees every caisse; a DPO sees their own caisse only (claim
 * {@code caisse}); a DPO token without that claim is refused.
 */
public record Caller(String username, boolean admin, String caisse) {

    public static Caller of(SecurityIdentity identity, JsonWebToken jwt) {
        boolean admin = identity.hasRole("admin");
        String caisse = jwt.getClaim("caisse");
        if (!admin && (caisse == null || caisse.isBlank())) {
            throw ProblemException.forbidden("Jeton de DPO sans caisse de rattachement.");
        }
        return new Caller(identity.getPrincipal().getName(), admin, admin ? null : caisse);
    }

    /** The caisse a query is limited to: the DPO's own; for an admin, the one asked (null = all). */
    public String scope(String asked) {
        if (admin) {
            return asked == null || asked.isBlank() ? null : asked.strip();
        }
        if (asked != null && !asked.isBlank() && !asked.strip().equalsIgnoreCase(caisse)) {
            throw ProblemException.forbidden("Vous ne pouvez consulter que les données de votre caisse.");
        }
        return caisse;
    }

    public boolean sees(String caisseCode) {
        return admin || caisse.equalsIgnoreCase(caisseCode);
    }
}
