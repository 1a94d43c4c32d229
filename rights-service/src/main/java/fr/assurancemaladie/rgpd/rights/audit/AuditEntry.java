package fr.assurancemaladie.rgpd.rights.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail (append-only in the database). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "caisse_code", nullable = false)
    public String caisseCode;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String action;

    public String detail;

    public static void record(String actor, String role, String caisseCode, UUID requestId, String action, String detail) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now();
        e.actor = actor;
        e.actorRole = role;
        e.caisseCode = caisseCode;
        e.requestId = requestId;
        e.action = action;
        e.detail = detail;
        e.persist();
    }
}
