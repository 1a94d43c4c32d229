package fr.assurancemaladie.rgpd.retention.proof;

import fr.assurancemaladie.rgpd.retention.access.Caller;
import fr.assurancemaladie.rgpd.retention.access.Filter;
import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.date;
import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.instant;
import fr.assurancemaladie.rgpd.support.paging.Cursor;
import fr.assurancemaladie.rgpd.support.paging.Slice;
import fr.assurancemaladie.rgpd.support.problem.Params;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import fr.assurancemaladie.rgpd.retention.proof.ProofResource.ProofView;
import fr.assurancemaladie.rgpd.retention.proof.ProofResource.ProofPage;
import jakarta.enterprise.context.ApplicationScoped;

/** The queries behind {@link ProofResource}: the resource parses and checks the request, this runs it. */
@ApplicationScoped
public class ProofQueries {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Transactional
    public ProofPage list(String subjectRef, String fiche, String caisse, String cursor, String sizeParam) {
        Caller caller = Caller.of(identity, jwt);
        int size = Params.integerBetween("size", sizeParam, 1, 200);
        Filter filter = Filter.of(null, caller.scope(caisse), subjectRef, fiche);
        if (cursor != null) {
            Object[] c = Cursor.decode(cursor, 2, p -> new Object[] { Instant.parse(p[0]), UUID.fromString(p[1]) });
            filter.and("(recorded_at, id) < (:cAt, :cId)", "cAt", c[0], "cId", c[1]);
        }
        Query q = filter.bind(Panache.getEntityManager().createNativeQuery("select id, schedule_id, subject_ref, "
                + "caisse_code, fiche_number, fiche_version, rule_text, trigger, duration, fate, trigger_date, due_on, "
                + "ordered_at, confirmed_at, confirming_system, recorded_at from deletion_proof " + filter.where()
                + " order by recorded_at desc, id desc limit :limit"));
        q.setParameter("limit", size + 1);
        List<ProofView> items = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            items.add(new ProofView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[6], (String) r[7],
                    (String) r[8], (String) r[9], date(r[10]), date(r[11]), instant(r[12]), instant(r[13]),
                    (String) r[14], instant(r[15])));
        }
        Slice<ProofView> page = Slice.of(items, size, last -> Cursor.encode(last.recordedAt(), last.id()));
        return new ProofPage(page.items(), page.nextCursor());
    }

}
