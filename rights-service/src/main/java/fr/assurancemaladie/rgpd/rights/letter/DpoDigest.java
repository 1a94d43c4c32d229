package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo;
import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterLaw;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import fr.assurancemaladie.rgpd.rights.time.RightsClock;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every morning, to each caisse's DPO: the late requests and those due within {@link LetterLaw#DIGEST_DAYS_AHEAD}
 * days ({@link LetterLaw#inDigest}), as a letter of kind {@code DPO_DIGEST} through the mail relay. One digest per
 * caisse and day (a unique index), whichever replica writes it; none for a caisse with nothing to report.
 */
@ApplicationScoped
public class DpoDigest {

    private static final Logger LOG = Logger.getLogger(DpoDigest.class);
    private static final int MAX_LINES = 200;

    /** One request in the digest. */
    public record Line(String reference, String right, String dueOn, String status) {
    }

    @Inject
    EntityManager em;

    @Inject
    CaisseDirectory caisses;

    @Inject
    LetterRenderer renderer;

    @Inject
    RightsClock clock;

    @Scheduled(cron = "${rgpd.rights.letters.digest-cron:0 0 7 * * ?}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMorning() {
        int written = send(clock.today());
        LOG.infof("DPO digests of the day written: %d", written);
    }

    /** Writes the digests of {@code today} that are not written yet; how many were written. */
    public int send(LocalDate today) {
        LocalDate horizon = today.plusDays(LetterLaw.DIGEST_DAYS_AHEAD);
        @SuppressWarnings("unchecked")
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct caisse_code from rights_request where request_open(status) and due_on <= :horizon "
                        + "order by caisse_code").setParameter("horizon", Date.valueOf(horizon)).getResultList());
        int written = 0;
        for (String code : codes) {
            CaisseInfo caisse = caisses.get(code).orElse(null);
            if (caisse == null || caisse.dpoEmail() == null) {
                continue;
            }
            written += QuarkusTransaction.requiringNew().call(() -> write(caisse, today, horizon));
        }
        return written;
    }

    private int write(CaisseInfo caisse, LocalDate today, LocalDate horizon) {
        Number exists = (Number) em.createNativeQuery(
                "select count(*) from letter where kind = 'DPO_DIGEST' and caisse_code = :c and digest_on = :d")
                .setParameter("c", caisse.code()).setParameter("d", Date.valueOf(today)).getSingleResult();
        if (exists.longValue() > 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, type, status, due_on from rights_request "
                + "where caisse_code = :c and request_open(status) and due_on <= :horizon order by due_on, id")
                .setParameter("c", caisse.code()).setParameter("horizon", Date.valueOf(horizon))
                .setMaxResults(MAX_LINES).getResultList();
        List<Line> late = new ArrayList<>();
        List<Line> soon = new ArrayList<>();
        for (Object[] row : rows) {
            LocalDate due = NativeRows.date(row[3]);
            RequestWorkflow.Status status = RequestWorkflow.Status.valueOf((String) row[2]);
            if (!LetterLaw.inDigest(due, today)) {
                continue;
            }
            Line line = new Line(Letters.reference((UUID) row[0]), Letters.label(RightType.valueOf((String) row[1])),
                    due.format(Letters.FRENCH_DAY), statusLabel(status));
            // a request waiting for identity information is not late: its clock stands still
            (due.isBefore(today) && status.clockRuns() ? late : soon).add(line);
        }
        LetterTemplate template = LetterTemplate.current(LetterKind.DPO_DIGEST).orElseThrow();
        LetterRenderer.Rendered r = renderer.render(template, data(caisse, today, late, soon));
        int inserted = em.createNativeQuery("insert into letter (id, request_id, caisse_code, kind, template_version, "
                + "recipient, subject, html, created_at, delivery, digest_on) values (:id, null, :c, 'DPO_DIGEST', :v, "
                + ":to, :s, :h, :at, 'PENDING', :d) on conflict do nothing")
                .setParameter("id", UUID.randomUUID()).setParameter("c", caisse.code())
                .setParameter("v", template.version).setParameter("to", caisse.dpoEmail()).setParameter("s", r.subject())
                .setParameter("h", r.html()).setParameter("at", Instant.now()).setParameter("d", Date.valueOf(today))
                .executeUpdate();
        return inserted;
    }

    static Map<String, Object> data(CaisseInfo caisse, LocalDate today, List<Line> late, List<Line> soon) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("today", today.format(Letters.FRENCH_DAY));
        data.put("reference", "");
        data.put("caisse", Letters.caisse(caisse));
        data.put("late", late.stream().map(DpoDigest::line).toList());
        data.put("soon", soon.stream().map(DpoDigest::line).toList());
        return data;
    }

    private static Map<String, Object> line(Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", l.reference());
        m.put("right", l.right());
        m.put("dueOn", l.dueOn());
        m.put("status", l.status());
        return m;
    }

    private static String statusLabel(RequestWorkflow.Status s) {
        return switch (s) {
            case RECEIVED -> "reçue";
            case IN_PROGRESS -> "en cours";
            case AWAITING_IDENTITY -> "en attente d'informations d'identité";
            case EXTENDED -> "prolongée";
            default -> s.name();
        };
    }
}
