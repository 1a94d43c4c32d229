package fr.assurancemaladie.rgpd.rights.deadline;

import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo;
import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory;
import fr.assurancemaladie.rgpd.rights.deadline.law.Departement;
import fr.assurancemaladie.rgpd.rights.deadline.law.FrenchPublicHolidays;
import fr.assurancemaladie.rgpd.rights.deadline.law.HolidayCalendar;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The caisses' calendars as data (migration V11): the days that move a deadline where a caisse is. A year is seeded
 * with the legal list of the caisse's département the first time it is needed ({@link FrenchPublicHolidays}); an
 * admin adds a local day (Good Friday and 21 July in Guadeloupe and Martinique, Mi-Carême in Guadeloupe…) or removes
 * one, with a reason, kept in {@code caisse_calendar_change}. Deadlines read the calendar through
 * {@link #of(String, LocalDate)}; the due dates of requests already received are not recomputed.
 */
@ApplicationScoped
public class CaisseCalendars {

    private static final Logger LOG = Logger.getLogger(CaisseCalendars.class);

    /** A day that moves deadlines, and where it comes from: LEGAL (seeded) or LOCAL (added by an admin). */
    public record Day(LocalDate day, String name, String origin) {
    }

    /** A change of a calendar: the day, whether it is now non-working, its name, why, who, when. */
    public record Change(LocalDate day, boolean nonWorking, String name, String reason, String changedBy, Instant changedAt) {
    }

    /** A caisse's calendar for a year. */
    public record YearView(String caisse, int year, List<Day> days, List<Change> changes) {
    }

    /** An admin's edit. */
    public record Edit(Boolean nonWorking, String name, String reason) {
    }

    @Inject
    EntityManager em;

    @Inject
    CaisseDirectory caisses;

    /** Loaded years per caisse: day → name; dropped on a local edit, reloaded at most every 30 s (other replicas). */
    private record Loaded(Map<LocalDate, String> days, Instant at) {
    }

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * The calendar a period starting on {@code from} needs (its year and the two next: a period is at most three months,
     * and a few days).
     */
    public HolidayCalendar of(String caisseCode, LocalDate from) {
        int year = from.getYear();
        String key = caisseCode + "/" + year;
        Loaded l = loaded.get(key);
        if (l == null || l.at().plusSeconds(30).isBefore(Instant.now())) {
            Map<LocalDate, String> days = new TreeMap<>();
            for (int y = year; y <= year + 2; y++) {
                ensureSeeded(caisseCode, y);
                days.putAll(read(caisseCode, y));
            }
            l = new Loaded(days, Instant.now());
            loaded.put(key, l);
        }
        return HolidayCalendar.of(l.days());
    }

    @Transactional
    public YearView year(String caisseCode, int year) {
        CaisseInfo caisse = caisse(caisseCode);
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("Année hors des années 2000 à 2100.");
        }
        ensureSeeded(caisse.code(), year);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select day, name, origin from caisse_calendar_day "
                + "where caisse_code = :c and year = :y order by day").setParameter("c", caisse.code())
                .setParameter("y", year).getResultList();
        List<Day> days = rows.stream().map(r -> new Day(NativeRows.date(r[0]), (String) r[1], (String) r[2])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> changes = em.createNativeQuery("select day, non_working, name, reason, changed_by, changed_at "
                + "from caisse_calendar_change where caisse_code = :c and extract(year from day) = :y order by id")
                .setParameter("c", caisse.code()).setParameter("y", year).getResultList();
        return new YearView(caisse.code(), year, days, changes.stream().map(r -> new Change(NativeRows.date(r[0]), (Boolean) r[1],
                (String) r[2], (String) r[3], (String) r[4], NativeRows.instant(r[5]))).toList());
    }

    /** Makes a day non-working (with its name) or working again, with the reason (admins). */
    @Transactional
    public YearView edit(String caisseCode, String dayText, Edit edit, String admin) {
        CaisseInfo caisse = caisse(caisseCode);
        LocalDate day;
        try {
            day = LocalDate.parse(dayText);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Date invalide : « " + Excerpt.of(dayText) + " » (AAAA-MM-JJ).");
        }
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            throw ProblemException.badRequest("Date hors des années 2000 à 2100.");
        }
        if (edit == null || edit.nonWorking() == null) {
            throw ProblemException.badRequest("Indiquez si le jour est non ouvré (nonWorking : true ou false).");
        }
        String reason = edit.reason() == null ? "" : edit.reason().strip();
        if (reason.isEmpty() || reason.length() > 2000 || !TextHygiene.isCleanText(reason)) {
            throw ProblemException.badRequest("Indiquez la raison de la modification (reason, 2 000 caractères au plus).");
        }
        String name = edit.name() == null ? null : edit.name().strip();
        if (edit.nonWorking() && (name == null || name.isEmpty() || name.length() > 120 || !TextHygiene.isCleanLine(name))) {
            throw ProblemException.badRequest("Indiquez le nom du jour non ouvré (name, 120 caractères au plus).");
        }
        if (day.getDayOfWeek().getValue() >= 6 && edit.nonWorking()) {
            throw ProblemException.badRequest("Le samedi et le dimanche ne sont jamais des jours ouvrés : rien à ajouter.");
        }
        ensureSeeded(caisse.code(), day.getYear());
        if (edit.nonWorking()) {
            em.createNativeQuery("insert into caisse_calendar_day (caisse_code, day, name, origin) values (:c, :d, :n, "
                    + "'LOCAL') on conflict (caisse_code, day) do update set name = excluded.name, origin = 'LOCAL'")
                    .setParameter("c", caisse.code()).setParameter("d", day).setParameter("n", name).executeUpdate();
        } else {
            em.createNativeQuery("delete from caisse_calendar_day where caisse_code = :c and day = :d")
                    .setParameter("c", caisse.code()).setParameter("d", day).executeUpdate();
        }
        em.createNativeQuery("insert into caisse_calendar_change (caisse_code, day, non_working, name, reason, changed_by) "
                + "values (:c, :d, :w, :n, :r, :by)").setParameter("c", caisse.code()).setParameter("d", day)
                .setParameter("w", edit.nonWorking()).setParameter("n", edit.nonWorking() ? name : null)
                .setParameter("r", reason).setParameter("by", admin).executeUpdate();
        LOG.infof("Calendar of %s changed for %s by %s", caisse.code(), day, admin);
        loaded.keySet().removeIf(k -> k.startsWith(caisse.code() + "/"));
        return year(caisse.code(), day.getYear());
    }

    /** Seeds a year with the legal list of the caisse's département, once (whichever replica does it first). */
    private void ensureSeeded(String caisseCode, int year) {
        Number seeded = (Number) QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "select count(*) from caisse_calendar_year where caisse_code = :c and year = :y")
                .setParameter("c", caisseCode).setParameter("y", year).getSingleResult());
        if (seeded.longValue() > 0) {
            return;
        }
        CaisseInfo caisse = caisse(caisseCode);
        Departement departement = Departement.parse(caisse.departement()).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            int inserted = em.createNativeQuery("insert into caisse_calendar_year (caisse_code, year) values (:c, :y) "
                    + "on conflict do nothing").setParameter("c", caisseCode).setParameter("y", year).executeUpdate();
            if (inserted == 0) {
                return; // another transaction seeded it
            }
            for (Map.Entry<LocalDate, String> d : FrenchPublicHolidays.named(year, departement).entrySet()) {
                em.createNativeQuery("insert into caisse_calendar_day (caisse_code, day, name, origin) values (:c, :d, "
                        + ":n, 'LEGAL') on conflict do nothing").setParameter("c", caisseCode)
                        .setParameter("d", d.getKey()).setParameter("n", d.getValue()).executeUpdate();
            }
        });
    }

    private Map<LocalDate, String> read(String caisseCode, int year) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select day, name from caisse_calendar_day where caisse_code = :c "
                    + "and year = :y").setParameter("c", caisseCode).setParameter("y", year).getResultList();
            Map<LocalDate, String> days = new TreeMap<>();
            rows.forEach(r -> days.put(NativeRows.date(r[0]), (String) r[1]));
            return days;
        });
    }

    private CaisseInfo caisse(String code) {
        return caisses.get(code == null ? null : code.strip().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                ProblemException.notFound("Aucune caisse ne porte le code « " + Excerpt.of(code) + " »."));
    }
}
