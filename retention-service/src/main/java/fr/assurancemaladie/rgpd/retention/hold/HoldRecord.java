package fr.assurancemaladie.rgpd.retention.hold;

import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A hold as stored (table {@code hold}): limitation, litigation or manual, on all the person's fiches or the ones
 * listed, with who put and released it. What a hold covers is the law's ({@code RetentionLaw.Hold#covers}).
 */
@Entity
@Table(name = "hold")
public class HoldRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public HoldKind kind;

    @Column(name = "subject_ref")
    public String subjectRef;

    @Column(name = "fiche_numbers")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Integer[] ficheNumbers;

    @Column(name = "caisse_code")
    public String caisseCode;

    @Column(name = "source_ref")
    public String sourceRef;

    public String reason;

    @Column(name = "from_on")
    public LocalDate fromOn;

    @Column(name = "until_on")
    public LocalDate untilOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "release_reason")
    public String releaseReason;

    /** Not released yet (whether it is in force on a given day is the law's question). */
    public boolean unreleased() {
        return releasedAt == null;
    }
}
