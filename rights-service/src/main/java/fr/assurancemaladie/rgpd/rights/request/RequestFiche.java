package fr.assurancemaladie.rgpd.rights.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One fiche a request is about: whether the right applies to it, and the register's reason. */
@Entity
@Table(name = "request_fiche")
@IdClass(RequestFiche.Key.class)
public class RequestFiche extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    @Column(name = "fiche_number")
    public int ficheNumber;

    @Column(name = "fiche_version", nullable = false)
    public int ficheVersion;

    public String title;

    @Column(nullable = false)
    public boolean applies;

    @Column(nullable = false)
    public String reason;

    public static List<RequestFiche> of(UUID requestId) {
        return list("requestId = ?1 order by ficheNumber", requestId);
    }

    public static class Key implements Serializable {
        public UUID requestId;
        public int ficheNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.requestId, requestId) && k.ficheNumber == ficheNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, ficheNumber);
        }
    }
}
