package fr.assurancemaladie.rgpd.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The last version of a fiche this service heard of on register.fiches. */
@Entity
@Table(name = "fiche_projection")
public class ProjectedFiche extends PanacheEntityBase {

    public enum Status { PUBLISHED, WITHDRAWN }

    @Id
    public int number;

    public int version;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
