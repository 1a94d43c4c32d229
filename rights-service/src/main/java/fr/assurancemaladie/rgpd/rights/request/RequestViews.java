package fr.assurancemaladie.rgpd.rights.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the requests API. */
public final class RequestViews {

    private RequestViews() {
    }

    /**
     * Body of POST /api/v1/requests. nir, receivedOn, channel and email are for a DPO registering a paper request
     * (email: where the person wants the letters; none: they are posted).
     */
    public record Submission(String type, Integer ficheNumber, String domainCode, String message, String rectification,
            String nir, String receivedOn, String channel, String email) {
    }

    /** Body of POST /api/v1/requests/{id}/actions. */
    public record ActionBody(String action, String reason, String answer, String ground) {
    }

    public record CaisseRef(String code, String name) {
    }

    public record FicheApplicability(int ficheNumber, String title, boolean applies, String reason) {
    }

    /** Whether the right applies: overall, and fiche by fiche with the register's reason. */
    public record Applicability(boolean applies, String reason, List<FicheApplicability> fiches) {
    }

    public record Related(UUID id, CaisseRef caisse, String status) {
    }

    /** A request as its owner or its DPO sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestView(UUID id, UUID groupId, String type, String status, String scope, Integer ficheNumber,
            String domainCode, String channel, LocalDate receivedOn, LocalDate dueOn, boolean extended, CaisseRef caisse,
            Applicability applicability, String message, String rectification, String answer, String reason,
            String refusalGround, String assignedTo, String limitation, Instant createdAt, Instant updatedAt,
            List<Related> related, Deadline deadline, List<String> actions, Flags flags) {
    }

    /**
     * What the DPO is told about a request (never an automatic refusal): the open request of the same person it
     * duplicates, how many similar requests came within the period, whether that makes it repetitive (art. 12(5)),
     * and the DPO's decision once reviewed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Flags(UUID duplicateOf, int earlierSimilar, boolean repetitive, boolean reviewed, String decision,
            String reviewedBy, Instant reviewedAt) {
    }

    /**
     * The legal deadline and how it comes about: the period's start (receipt, or the day identity information
     * arrived), its length in months, the day it would end on, the French explanation of any day skipped, whether an
     * extension can still be decided and until when.
     */
    public record Deadline(LocalDate dueOn, LocalDate periodStart, int months, LocalDate nominal, String explanation,
            boolean extensionPossible, LocalDate extensionDecideBy) {
    }

    /** One step of a request's life, as its owner and its DPO read it; a letter's step names the letter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(Instant at, String action, String label, String detail, UUID letterId) {
    }

    /** A letter about a request: what it is, which template version made it, how it was delivered. */
    public record LetterView(UUID id, String kind, String label, String subject, int templateVersion, Instant createdAt,
            String delivery, Instant sentAt) {
    }

    /** A line of a DPO queue. */
    /** One request of a queue; {@code daysLeft} counts calendar days to the due date (negative when late). */
    public record QueueItem(UUID id, String type, String status, String scope, Integer ficheNumber, String domainCode,
            LocalDate receivedOn, LocalDate dueOn, boolean late, String assignedTo, long daysLeft, UUID duplicateOf,
            boolean repetitive, boolean flagsToReview) {
    }

    public record QueueCounts(long open, long late, long dueWithin7Days) {
    }

    public record QueuePage(String caisseCode, QueueCounts counts, List<QueueItem> items, String nextCursor) {
    }
}
