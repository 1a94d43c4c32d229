package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import fr.assurancemaladie.rgpd.rights.request.law.LimitationLifecycle;

import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.RefusalGround;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A rights request, as one DPO handles it. */
@Entity
@Table(name = "rights_request")
public class RightsRequest extends PanacheEntityBase {

    public enum Scope { FICHE, DOMAIN, ALL }

    public enum Channel { ONLINE, POSTAL, COUNTER, EMAIL }

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RightType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    @Column(name = "fiche_number")
    public Integer ficheNumber;

    @Column(name = "domain_code")
    public String domainCode;

    /** Stored only here, never logged, never on the bus. */
    @Column(nullable = false)
    public String nir;

    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;

    @Column(name = "caisse_code", nullable = false)
    public String caisseCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The day the current period runs from: receipt, or the day identity information arrived. */
    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(nullable = false)
    public boolean extended;

    /** What the request's decision was, and when (the public statistics count them per quarter). */
    public enum Outcome { ANSWERED, REFUSED, NOT_APPLICABLE }

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "extended_at")
    public Instant extendedAt;

    /** The open request of the same person, right and caisse on overlapping fiches it duplicates (a flag). */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** Similar requests received within the configured period before this one (art. 12(5)). */
    @Column(name = "earlier_similar", nullable = false)
    public int earlierSimilar;

    @Column(nullable = false)
    public boolean repetitive;

    @Column(name = "flags_reviewed_at")
    public Instant flagsReviewedAt;

    @Column(name = "flags_reviewed_by")
    public String flagsReviewedBy;

    @Column(name = "flags_decision")
    public String flagsDecision;

    public boolean flagsToReview() {
        return (duplicateOf != null || repetitive) && flagsReviewedAt == null;
    }

    /** Where letters about the request go: the token's e-mail, or the one given at the counter. Never logged. */
    @Column(name = "contact_email")
    public String contactEmail;

    public String message;
    public String rectification;
    public String answer;
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_ground")
    public RefusalGround refusalGround;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "limitation_state")
    public LimitationLifecycle.State limitationState;

    @Column(name = "lift_notice")
    public String liftNotice;

    @Column(name = "lift_notice_at")
    public Instant liftNoticeAt;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Version
    public int version;

    public static List<RightsRequest> ofSubject(String subjectRef) {
        return list("subjectRef = ?1 order by createdAt desc, id", subjectRef);
    }
}
