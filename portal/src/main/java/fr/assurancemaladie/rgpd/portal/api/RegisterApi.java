package fr.assurancemaladie.rgpd.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** register-service's public reading API (no token: the register is published information). */
@RegisterRestClient(configKey = "register")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RegisterApi {

    @GET
    @Path("/fiches")
    FichePage search(@QueryParam("domain") String domain, @QueryParam("q") String q,
            @QueryParam("gdprArticle") String gdprArticle, @QueryParam("right") String right,
            @QueryParam("applies") String applies, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/fiches/{number}")
    Fiche fiche(@PathParam("number") int number);

    @GET
    @Path("/register/export")
    List<Fiche> export(@QueryParam("format") String format);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FicheSummary(int number, int version, String domainCode, String domain, String title,
            List<String> gdprArticles, int rulesToReview, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FichePage(List<FicheSummary> items, int page, int size, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LegalBasis(String text, String gdprArticle) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RetentionRule(String text, String duration, String trigger, String fate,
            boolean untilFinalDecisionIfLitigation, String scope, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RightDecision(Boolean stated, boolean applies, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rights(RightDecision access, RightDecision rectification, RightDecision erasure,
            RightDecision limitation, RightDecision objection, RightDecision portability) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fiche(int number, String domainCode, String domain, String title, List<String> purposeDetails,
            List<String> subPurposes, List<LegalBasis> legalBases, List<String> gdprArticles,
            List<String> dataSubjectCategories, List<String> dataTypes, List<String> recipients,
            List<String> accessors, List<RetentionRule> retentionRules, List<String> rightsText, Rights rights,
            String objectionExclusionReason, List<String> securityMeasures, List<String> controllerNotes,
            Integer version, String status, Instant updatedAt) {
    }
}
