package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.QueueCounts;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.QueueItem;
import fr.assurancemaladie.rgpd.rights.request.RequestViews.QueuePage;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Status;
import fr.assurancemaladie.rgpd.support.paging.Cursor;
import fr.assurancemaladie.rgpd.support.paging.Slice;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.enterprise.context.ApplicationScoped;

/** The queries behind {@link QueueResource}: the resource parses and checks the request, this runs it. */
@ApplicationScoped
public class QueueQueries {

    @Inject
    JsonWebToken jwt;

    @Inject
    RequestService requests;

    @Transactional
    public QueuePage queue(String caisseCode, String status, String type, String dueBefore, String cursor, String sizeParam) {
        String own = jwt.getClaim("caisse");
        if (own == null || !own.equalsIgnoreCase(caisseCode)) {
            throw ProblemException.forbidden("Vous ne pouvez consulter que la file de votre caisse.");
        }
        int size = fr.assurancemaladie.rgpd.support.problem.Params.integerBetween("size", sizeParam, 1, 100);
        StringBuilder where = new StringBuilder("where r.caisse_code = :caisse");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("caisse", own);
        if (status == null || status.isBlank()) {
            // the queue is the work to do: open requests (status=ALL shows every request of the caisse)
            where.append(" and request_open(r.status)");
        } else if (!status.strip().equalsIgnoreCase("ALL")) {
            try {
                params.put("status", Status.valueOf(status.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Statut inconnu : « " + Excerpt.of(status) + " » (ou ALL).");
            }
            where.append(" and r.status = :status");
        }
        if (type != null) {
            try {
                params.put("type", fr.assurancemaladie.rgpd.rights.request.law.RightType.valueOf(type.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Type de demande inconnu : « " + Excerpt.of(type) + " ».");
            }
            where.append(" and r.type = :type");
        }
        if (dueBefore != null) {
            params.put("dueBefore", fr.assurancemaladie.rgpd.support.problem.Params.date("dueBefore", dueBefore, 2000,
                    2100));
            where.append(" and r.due_on < :dueBefore");
        }
        StringBuilder page = new StringBuilder(where);
        if (cursor != null) {
            Object[] c = Cursor.decode(cursor, 2, p -> {
                LocalDate d = LocalDate.parse(p[0]);
                if (d.getYear() < 2000 || d.getYear() > 2100) {
                    throw new IllegalArgumentException("out of range");
                }
                return new Object[] { d, UUID.fromString(p[1]) };
            });
            page.append(" and (r.due_on, r.id) > (:cursorDue, :cursorId)");
            params.put("cursorDue", c[0]);
            params.put("cursorId", c[1]);
        }
        Query q = Panache.getEntityManager().createNativeQuery("select r.id, r.type, r.status, r.scope, r.fiche_number, "
                + "r.domain_code, r.received_on, r.due_on, r.assigned_to, r.duplicate_of, r.repetitive, "
                + "r.flags_reviewed_at is null and (r.duplicate_of is not null or r.repetitive) "
                + "from rights_request r " + page
                + " order by r.due_on, r.id limit :limit");
        params.forEach(q::setParameter);
        q.setParameter("limit", size + 1);
        LocalDate today = requests.today();
        List<QueueItem> items = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            Status st = Status.valueOf((String) r[2]);
            LocalDate due = NativeRows.date(r[7]);
            items.add(new QueueItem((UUID) r[0], (String) r[1], st.name(), (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], NativeRows.date(r[6]), due,
                    st.clockRuns() && due.isBefore(today), (String) r[8],
                    java.time.temporal.ChronoUnit.DAYS.between(today, due), (UUID) r[9], (Boolean) r[10],
                    (Boolean) r[11]));
        }
        Slice<QueueItem> slice = Slice.of(items, size, last -> Cursor.encode(last.dueOn(), last.id()));
        return new QueuePage(own, counts(own, today), slice.items(), slice.nextCursor());
    }

    /** Counters change slowly compared with how often a queue is read: computed at most every 2 s per caisse. */
    private final Map<String, CachedCounts> counts = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedCounts(java.time.Instant at, LocalDate day, QueueCounts counts) {
    }

    private QueueCounts counts(String caisse, LocalDate today) {
        CachedCounts cached = counts.get(caisse);
        java.time.Instant now = java.time.Instant.now();
        if (cached != null && cached.day().equals(today) && cached.at().isAfter(now.minusSeconds(2))) {
            return cached.counts();
        }
        String own = caisse;
        Object[] counts = (Object[]) Panache.getEntityManager().createNativeQuery("""
                select (select count(*) from rights_request where caisse_code = :caisse
                          and request_open(status)),
                       (select count(*) from rights_request where caisse_code = :caisse
                          and request_open(status) and request_clock_runs(status) and due_on < :today),
                       (select count(*) from rights_request where caisse_code = :caisse
                          and request_open(status) and request_clock_runs(status)
                          and due_on >= :today and due_on <= :in7)
                """)
                .setParameter("today", today).setParameter("in7", today.plusDays(7)).setParameter("caisse", own)
                .getSingleResult();
        QueueCounts fresh = new QueueCounts(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue());
        this.counts.put(caisse, new CachedCounts(now, today, fresh));
        return fresh;
    }
}
