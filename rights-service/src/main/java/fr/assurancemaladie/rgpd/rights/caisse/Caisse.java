package fr.assurancemaladie.rgpd.rights.caisse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An organisation with a DPO: a CPAM, a CGSS, the CSS of Mayotte, the CNMSS or the Cnam. */
@Entity
@Table(name = "caisse")
public class Caisse extends PanacheEntityBase {

    public enum Kind { CPAM, CGSS, CSS, CNMSS, CNAM }

    /** LOCAL: the caisse of the people of its département; NATIONAL: the CNMSS (military insured) and the Cnam. */
    public enum Scope { LOCAL, NATIONAL }

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    /** Where the caisse is: its public holidays count in its deadlines. */
    @Column(nullable = false)
    public String departement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    @Column(name = "dpo_email", nullable = false)
    public String dpoEmail;

    @Column(name = "dpo_postal_address", nullable = false)
    public String dpoPostalAddress;

    @Column(name = "dpo_phone")
    public String dpoPhone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static List<Caisse> ordered() {
        return list("order by case when scope = ?1 then 1 else 0 end, departement, code", Scope.NATIONAL);
    }
}
