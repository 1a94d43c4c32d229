package fr.assurancemaladie.rgpd.register.fiche;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a fiche; {@code payload} is its JSON as published. */
@Entity
@Table(name = "fiche_version")
@IdClass(FicheVersion.Key.class)
public class FicheVersion extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED, SUPERSEDED }

    @Id
    public int number;

    @Id
    public int version;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "domain_code", nullable = false)
    public String domainCode;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static List<FicheVersion> withStatus(Status status) {
        return list("status = ?1 order by number", status);
    }

    /** Composite key (number, version). */
    public static class Key implements Serializable {
        public int number;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.number == number && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(number, version);
        }
    }
}
