package fr.assurancemaladie.rgpd.register.importer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One import of the official document (its report is kept for the register's editors). */
@Entity
@Table(name = "register_import")
public class RegisterImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "document_sha256", nullable = false)
    public String documentSha256;

    @Column(name = "fiches_found", nullable = false)
    public int fichesFound;

    @Column(nullable = false)
    public int published;

    @Column(nullable = false)
    public int drafted;

    @Column(nullable = false)
    public int unchanged;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String report;
}
