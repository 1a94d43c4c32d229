package fr.assurancemaladie.rgpd.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * register-service's editing API, with the signed-in editor's token. Fiches travel as JSON trees: an edit changes one
 * rule and sends the rest of the fiche back exactly as it came.
 */
@RegisterRestClient(configKey = "register")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RegisterEditorApi {

    @GET
    @Path("/fiches/{number}/versions")
    List<VersionInfo> versions(@PathParam("number") int number);

    @GET
    @Path("/fiches/{number}/versions/{version}")
    JsonNode version(@PathParam("number") int number, @PathParam("version") int version);

    @PUT
    @Path("/fiches/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode save(@PathParam("number") int number, @HeaderParam("If-Match") String ifMatch, JsonNode fiche);

    @GET
    @Path("/fiches/{number}/diff")
    Diff diff(@PathParam("number") int number, @QueryParam("from") int from, @QueryParam("to") int to);

    @POST
    @Path("/fiches/{number}/publish")
    JsonNode publish(@PathParam("number") int number);

    @GET
    @Path("/drafts")
    RegisterApi.FichePage drafts(@QueryParam("page") int page, @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionInfo(int version, String status, String origin, Instant updatedAt, String updatedBy,
            Instant publishedAt, String publishedBy, List<String> changedFields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String field, JsonNode before, JsonNode after, List<JsonNode> added, List<JsonNode> removed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Diff(int number, int from, int to, List<Change> changes) {
    }
}
