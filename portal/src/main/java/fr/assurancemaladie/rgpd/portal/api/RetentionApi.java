package fr.assurancemaladie.rgpd.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** retention-service, called with the signed-in DPO's access token. */
@RegisterRestClient(configKey = "retention")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RetentionApi {

    @GET
    @Path("/reports/upcoming")
    Upcoming upcoming(@QueryParam("days") int days);

    @GET
    @Path("/reports/overdue")
    Overdue overdue();

    @GET
    @Path("/holds")
    HoldPage holds(@QueryParam("active") String active, @QueryParam("cursor") String cursor,
            @QueryParam("size") int size);

    @POST
    @Path("/holds")
    @Consumes(MediaType.APPLICATION_JSON)
    Hold put(NewHold hold);

    @DELETE
    @Path("/holds/{id}")
    Hold release(@PathParam("id") String id, @QueryParam("reason") String reason);

    @GET
    @Path("/proofs")
    ProofPage proofs(@QueryParam("cursor") String cursor, @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(int ficheNumber, String caisseCode, long count, LocalDate firstDueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Upcoming(LocalDate from, LocalDate until, long total, List<Count> byFicheAndCaisse) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Late(int ficheNumber, String caisseCode, String reason, long count, LocalDate oldestDueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unconfirmed(int ficheNumber, String caisseCode, long count, Instant oldestOrderedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overdue(LocalDate asOf, long notOrdered, List<Late> notOrderedByFicheAndCaisse, String confirmationDelay,
            long unconfirmed, List<Unconfirmed> unconfirmedByFicheAndCaisse) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hold(String id, String kind, String subjectRef, List<Integer> ficheNumbers, String caisseCode,
            String reason, LocalDate fromOn, LocalDate untilOn, boolean active, Instant createdAt, String createdBy,
            Instant releasedAt, String releasedBy, String releaseReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoldPage(List<Hold> items, String nextCursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewHold(String nir, List<Integer> ficheNumbers, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Proof(String id, String scheduleId, String subjectRef, String caisseCode, int ficheNumber, int ficheVersion,
            String ruleText, String fate, LocalDate triggerDate, LocalDate dueOn, Instant orderedAt,
            Instant confirmedAt, String confirmingSystem) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProofPage(List<Proof> items, String nextCursor) {
    }
}
