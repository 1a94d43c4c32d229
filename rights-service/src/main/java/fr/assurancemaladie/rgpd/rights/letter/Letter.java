package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A letter as written: its template version, its rendered subject and HTML, and how it was delivered. */
@Entity
@Table(name = "letter")
public class Letter extends PanacheEntityBase {

    public enum Delivery { PENDING, SENT, POSTAL, UNDELIVERABLE }

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "caisse_code", nullable = false)
    public String caisseCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LetterKind kind;

    @Column(name = "template_version", nullable = false)
    public int templateVersion;

    /** The e-mail address it goes to; none: it is printed and posted. Never logged. */
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String html;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Delivery delivery;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Why the SMTP server refused it for good (its reply code and class, never the address). */
    public String failure;

    @Column(name = "digest_on")
    public LocalDate digestOn;

    public static List<Letter> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, id", requestId);
    }
}
