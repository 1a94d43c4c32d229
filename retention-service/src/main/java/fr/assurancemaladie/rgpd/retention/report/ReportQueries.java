package fr.assurancemaladie.rgpd.retention.report;

import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.date;
import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.instant;
import static fr.assurancemaladie.rgpd.support.persistence.NativeRows.integer;

import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.retention.access.Caller;
import fr.assurancemaladie.rgpd.retention.report.ReportResource.Count;
import fr.assurancemaladie.rgpd.retention.report.ReportResource.Late;
import fr.assurancemaladie.rgpd.retention.report.ReportResource.Overdue;
import fr.assurancemaladie.rgpd.retention.report.ReportResource.RuleToReview;
import fr.assurancemaladie.rgpd.retention.report.ReportResource.Unconfirmed;
import fr.assurancemaladie.rgpd.retention.report.ReportResource.Upcoming;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.problem.Params;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The queries behind {@link ReportResource}: the resource parses and checks the request, this runs it. */
@ApplicationScoped
public class ReportQueries {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    RetentionClock clock;

    @Inject
    RetentionConfig config;

    @Transactional
    public Upcoming upcoming(String daysParam, String caisse) {
        String scope = Caller.of(identity, jwt).scope(caisse);
        int days = Params.integerBetween("days", daysParam, 1, 3660);
        LocalDate today = clock.today();
        LocalDate until = today.plusDays(days);
        Query q = Panache.getEntityManager().createNativeQuery("select fiche_number, caisse_code, count(*), "
                + "min(due_on) from schedule_due where due_on >= :today and due_on < :until"
                + (scope == null ? "" : " and caisse_code = :caisse") + " group by 1, 2 order by 1, 2")
                .setParameter("today", today).setParameter("until", until);
        if (scope != null) {
            q.setParameter("caisse", scope);
        }
        List<Count> counts = new ArrayList<>();
        long total = 0;
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            Count c = new Count(integer(r[0]), (String) r[1], ((Number) r[2]).longValue(), date(r[3]));
            total += c.count();
            counts.add(c);
        }
        return new Upcoming(today, until, total, counts);
    }

    @Transactional
    public Overdue overdue(String caisse) {
        String scope = Caller.of(identity, jwt).scope(caisse);
        LocalDate today = clock.today();
        String byCaisse = scope == null ? "" : " and s.caisse_code = :caisse";
        Query late = Panache.getEntityManager().createNativeQuery("""
                select s.fiche_number, s.caisse_code,
                       coalesce((select 'HELD_' || min(h.kind) from hold h where\s"""
                + RetentionSql.holdCovers("h", "s", ":today") + """
                                ), 'AWAITING_SWEEP') as reason,
                       count(*), min(s.due_on)
                  from schedule_due d join schedule s on s.id = d.schedule_id
                 where d.due_on < :today and s.status = 'SCHEDULED'""" + byCaisse + " group by 1, 2, 3 order by 1, 2, 3")
                .setParameter("today", today);
        Instant before = Instant.now().minus(config.confirmationDelay());
        Query unconfirmed = Panache.getEntityManager().createNativeQuery("select s.fiche_number, s.caisse_code, "
                + "count(*), min(s.ordered_at) from schedule_unconfirmed s where s.ordered_at < :before"
                + byCaisse + " group by 1, 2 order by 1, 2").setParameter("before", before);
        if (scope != null) {
            late.setParameter("caisse", scope);
            unconfirmed.setParameter("caisse", scope);
        }
        List<Late> lates = new ArrayList<>();
        long notOrdered = 0;
        for (Object o : late.getResultList()) {
            Object[] r = (Object[]) o;
            Late l = new Late(integer(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).longValue(), date(r[4]));
            notOrdered += l.count();
            lates.add(l);
        }
        List<Unconfirmed> unconfirmeds = new ArrayList<>();
        long total = 0;
        for (Object o : unconfirmed.getResultList()) {
            Object[] r = (Object[]) o;
            Unconfirmed u = new Unconfirmed(integer(r[0]), (String) r[1], ((Number) r[2]).longValue(), instant(r[3]));
            total += u.count();
            unconfirmeds.add(u);
        }
        return new Overdue(today, notOrdered, lates, config.confirmationDelay().toString(), total, unconfirmeds);
    }

    @Transactional
    public List<RuleToReview> rulesToReview() {
        Caller.of(identity, jwt);
        List<RuleToReview> rules = new ArrayList<>();
        for (Object o : Panache.getEntityManager().createNativeQuery("select r.fiche_number, r.fiche_version, p.title, "
                + "r.rule_index, r.text, r.status, r.duration, r.trigger, r.fate from fiche_rule r "
                + "join fiche_projection p on p.number = r.fiche_number and p.status = 'PUBLISHED' "
                + "where not r.executable order by 1, 4").getResultList()) {
            Object[] r = (Object[]) o;
            List<String> missing = new ArrayList<>();
            if (r[6] == null) {
                missing.add("duration");
            }
            if (r[7] == null) {
                missing.add("trigger");
            }
            if (r[8] == null) {
                missing.add("fate");
            }
            if (missing.isEmpty()) {
                missing.add("status " + r[5]);
            }
            rules.add(new RuleToReview(integer(r[0]), integer(r[1]), (String) r[2], integer(r[3]), (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], String.join(", ", missing)));
        }
        return rules;
    }

}
