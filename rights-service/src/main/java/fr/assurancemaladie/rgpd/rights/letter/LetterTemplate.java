package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** One version of a letter's template: its subject and body (Qute), who wrote it and why. Never updated. */
@Entity
@Table(name = "letter_template")
@IdClass(LetterTemplate.Key.class)
public class LetterTemplate extends PanacheEntityBase {

    public record Key(LetterKind kind, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Enumerated(EnumType.STRING)
    public LetterKind kind;

    @Id
    public int version;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "change_reason", nullable = false)
    public String changeReason;

    /** The version letters are written with now: the latest. */
    public static Optional<LetterTemplate> current(LetterKind kind) {
        return find("kind = ?1 order by version desc", kind).firstResultOptional();
    }
}
