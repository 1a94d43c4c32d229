package fr.assurancemaladie.rgpd.rights.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * The quarter's figures, from the requests (rights_request) in one pass per breakdown. A request counts as:
 * received when received in the quarter; closed when decided (answered, refused, or answered at once because the right
 * does not apply) in the quarter; answered within the month when so decided on or before its due date without
 * extension; extended when extended in the quarter; overdue when decided in the quarter after its due date, or still
 * open at the quarter's end past its due date; open at the end when received by then and not decided by then. Days
 * are Paris days.
 */
@ApplicationScoped
public class StatisticsQueries {

    /** One cell: a caisse, a column (right, ground or channel) and the counts. */
    public record Counts(String caisse, String column, long received, long closed, long withinMonth, long extended,
            long overdue, long refused, long notApplicable, long openAtEnd) {
    }

    /** Days to answer of a group: its number of decided requests, its median and 90th percentile. */
    public record DelayRow(String caisse, String right, long decided, Double median, Double p90) {
    }

    private static final String DECIDED = "(r.decided_at at time zone 'Europe/Paris')::date";
    private static final String EXTENDED = "(r.extended_at at time zone 'Europe/Paris')::date";
    private static final String IN_QUARTER = " between :from and :to";
    private static final String RELEVANT = " from rights_request r where r.received_on <= :to"
            + " and (r.decided_at is null or " + DECIDED + " >= :from) ";

    @Inject
    EntityManager em;

    @Transactional
    public List<Counts> byRight(LocalDate from, LocalDate to) {
        return counts("r.type", from, to);
    }

    @Transactional
    public List<Counts> byChannel(LocalDate from, LocalDate to) {
        return counts("r.channel", from, to);
    }

    @Transactional
    public List<Counts> refusedByGround(LocalDate from, LocalDate to) {
        return counts("coalesce(r.refusal_ground, 'OTHER')", from, to);
    }

    @SuppressWarnings("unchecked")
    private List<Counts> counts(String column, LocalDate from, LocalDate to) {
        String sql = "select r.caisse_code, " + column + " as col,"
                + " count(*) filter (where r.received_on" + IN_QUARTER + "),"
                + " count(*) filter (where " + DECIDED + IN_QUARTER + "),"
                + " count(*) filter (where " + DECIDED + IN_QUARTER + " and not r.extended and " + DECIDED + " <= r.due_on),"
                + " count(*) filter (where " + EXTENDED + IN_QUARTER + "),"
                + " count(*) filter (where (" + DECIDED + IN_QUARTER + " and " + DECIDED + " > r.due_on)"
                + "   or ((r.decided_at is null or " + DECIDED + " > :to) and r.due_on < :to)),"
                + " count(*) filter (where r.outcome = 'REFUSED' and " + DECIDED + IN_QUARTER + "),"
                + " count(*) filter (where r.outcome = 'NOT_APPLICABLE' and " + DECIDED + IN_QUARTER + "),"
                + " count(*) filter (where r.decided_at is null or " + DECIDED + " > :to)"
                + RELEVANT + "group by 1, 2";
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new Counts((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]),
                n(r[6]), n(r[7]), n(r[8]), n(r[9]))).toList();
    }

    /** Per caisse and right, per caisse, per right and for the network (grouping sets). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<DelayRow> delays(LocalDate from, LocalDate to) {
        String days = "(" + DECIDED + " - r.received_on)";
        String sql = "select r.caisse_code, r.type, count(*),"
                + " percentile_cont(0.5) within group (order by " + days + "),"
                + " percentile_cont(0.9) within group (order by " + days + ")"
                + " from rights_request r where r.decided_at is not null and " + DECIDED + IN_QUARTER
                + " group by grouping sets ((r.caisse_code), (r.type), ())";
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new DelayRow((String) r[0], (String) r[1], n(r[2]), d(r[3]), d(r[4]))).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
