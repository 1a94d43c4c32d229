package fr.assurancemaladie.rgpd.retention.schedule;

import fr.assurancemaladie.rgpd.retention.access.Caller;
import fr.assurancemaladie.rgpd.retention.access.Filter;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.date;
import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.instant;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.retention.schedule.ScheduleResource.RuleView;
import java.util.Locale;
import fr.assurancemaladie.rgpd.support.paging.Cursor;
import fr.assurancemaladie.rgpd.support.paging.Slice;
import fr.assurancemaladie.rgpd.support.problem.Params;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import fr.assurancemaladie.rgpd.retention.schedule.ScheduleResource.ScheduleView;
import fr.assurancemaladie.rgpd.retention.schedule.ScheduleResource.SchedulePage;
import jakarta.enterprise.context.ApplicationScoped;

/** The queries behind {@link ScheduleResource}: the resource parses and checks the request, this runs it. */
@ApplicationScoped
public class ScheduleQueries {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    RetentionClock clock;

    @Transactional
    public SchedulePage list(String subjectRef, String fiche, String dueBefore, String status, String caisse, String cursor, String sizeParam) {
        Caller caller = Caller.of(identity, jwt);
        int size = Params.integerBetween("size", sizeParam, 1, 200);
        Filter filter = Filter.of("s", caller.scope(caisse), subjectRef, fiche)
                .and("s.due_on < :dueBefore", "dueBefore", dueBefore == null ? null : Params.date("dueBefore", dueBefore))
                .and("s.status = :status", "status", status == null ? null : status(status));
        if (cursor != null) {
            Object[] c = Cursor.decode(cursor, 2, p -> new Object[] { LocalDate.parse(p[0]), UUID.fromString(p[1]) });
            filter.and("(s.due_on, s.id) > (:cDue, :cId)", "cDue", c[0], "cId", c[1]);
        }
        Query q = filter.bind(Panache.getEntityManager().createNativeQuery("select " + COLUMNS + " from schedule_state s "
                + filter.where() + " order by s.due_on, s.id limit :limit"));
        q.setParameter("today", clock.today());
        q.setParameter("limit", size + 1);
        List<ScheduleView> items = new ArrayList<>();
        for (Object row : q.getResultList()) {
            items.add(view((Object[]) row));
        }
        Slice<ScheduleView> page = Slice.of(items, size, last -> Cursor.encode(last.dueOn(), last.id()));
        return new SchedulePage(page.items(), page.nextCursor());
    }

    @Transactional
    public ScheduleView one(String id) {
        Caller caller = Caller.of(identity, jwt);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Échéancier introuvable.");
        }
        List<?> rows = Panache.getEntityManager().createNativeQuery("select " + COLUMNS + " from schedule_state s "
                + "where s.id = :id").setParameter("id", uuid).setParameter("today", clock.today()).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Échéancier introuvable.");
        }
        ScheduleView v = view((Object[]) rows.get(0));
        if (!caller.sees(v.caisseCode())) {
            throw ProblemException.notFound("Échéancier introuvable.");
        }
        return v;
    }

    static final Set<String> STATUSES = Set.of("SCHEDULED", "ORDERED", "CONFIRMED", "CANCELLED");

    static final String COLUMNS = "s.id, s.subject_ref, s.fiche_number, s.rule_index, s.fiche_version, s.rule_text, "
            + "s.trigger, s.duration, s.fate, s.until_final_decision, s.trigger_date, s.rule_due_on, s.due_on, "
            + "s.status, " + RetentionSql.held("s", ":today") + ", s.caisse_code, s.created_at, "
            + "s.ordered_at, s.confirmed_at, s.cancel_reason";

    static ScheduleView view(Object[] r) {
        return new ScheduleView((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                new RuleView(((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (String) r[5], (String) r[6],
                        (String) r[7], (String) r[8], (Boolean) r[9]),
                date(r[10]), date(r[11]), date(r[12]), (String) r[8], (String) r[13], (Boolean) r[14],
                (String) r[15], instant(r[16]), instant(r[17]), instant(r[18]), (String) r[19]);
    }

    static String status(String value) {
        String st = value.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(st)) {
            throw ProblemException.badRequest("Statut inconnu : « " + Excerpt.of(value) + " » (" + String.join(", ",
                    STATUSES.stream().sorted().toList()) + ").");
        }
        return st;
    }
}
