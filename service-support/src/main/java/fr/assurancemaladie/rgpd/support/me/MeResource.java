package fr.assurancemaladie.rgpd.support.me;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the token says the caller is: the first thing to call when a token does not work. */
@Path("/api/v1/me")
@Tag(name = "Identity")
@SecurityRequirement(name = "SecurityScheme")
public class MeResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The caller as seen by this service. Never shows the NIR: only whether the token carries one. */
    public record Me(String subject, String username, List<String> roles, String caisse, boolean hasNir) {
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The authenticated caller: subject, roles and caisse from the token")
    public Me me() {
        String caisse = jwt.getClaim("caisse");
        String username = jwt.getClaim("preferred_username");
        return new Me(jwt.getSubject(), username, identity.getRoles().stream().sorted().toList(), caisse,
                jwt.containsClaim("nir"));
    }
}
