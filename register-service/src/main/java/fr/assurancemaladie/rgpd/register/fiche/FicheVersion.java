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

    /** Where a version comes from: the official document, or an editor. */
    public enum Origin { IMPORT, EDIT }

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

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Origin origin;

    /** SHA-256 of the canonical JSON of the content (metadata excluded). */
    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    /** Fields changed from the previous version (JSON array of {@code FicheDiff.Change}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String changes;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** When Kafka acknowledged this version on register.fiches (null: not yet, the outbox will send it). */
    @Column(name = "event_sent_at")
    public Instant eventSentAt;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    public static List<FicheVersion> withStatus(Status status) {
        return list("status = ?1 order by number", status);
    }

    public static java.util.Optional<FicheVersion> current(int number, Status status) {
        return find("number = ?1 and status = ?2", number, status).firstResultOptional();
    }

    /** All versions of a fiche, oldest first. */
    public static List<FicheVersion> history(int number) {
        return list("number = ?1 order by version", number);
    }

    public static java.util.Optional<FicheVersion> latest(int number) {
        return find("number = ?1 order by version desc", number).firstResultOptional();
    }

    public static java.util.Optional<FicheVersion> latestImported(int number) {
        return find("number = ?1 and origin = ?2 order by version desc", number, Origin.IMPORT).firstResultOptional();
    }

    public static java.util.Optional<FicheVersion> get(int number, int version) {
        return find("number = ?1 and version = ?2", number, version).firstResultOptional();
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
