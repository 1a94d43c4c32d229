package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;
import fr.assurancemaladie.rgpd.retention.rules.RuleBook;
import fr.assurancemaladie.rgpd.retention.rules.RuleStore;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of lifecycle events in one transaction: the events not heard before (by CloudEvent source + id),
 * a schedule for each of their matching rules, and the litigation holds they open or close, in the order they came.
 * Set-based statements (arrays unnested by PostgreSQL): one round trip per table, whatever the batch size.
 */
@ApplicationScoped
public class LifecycleStore {

    /** What a batch changed. */
    public record Outcome(int events, int duplicates, int schedules) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RuleStore rules;

    /** Stores a batch in one transaction: its events, their schedules, the litigation holds they open or close. */
    public Outcome store(List<LifecycleEvent> batch) {
        Map<String, LifecycleEvent> unique = new LinkedHashMap<>();
        for (LifecycleEvent e : batch) {
            unique.putIfAbsent(e.identity(), e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                RuleBook book = rules.current(c);
                Map<String, Long> ids = insertEvents(c, List.copyOf(unique.values()));
                List<LifecycleEvent> fresh = unique.values().stream().filter(e -> ids.containsKey(e.identity()))
                        .toList();
                int schedules = insertSchedules(c, book, fresh, ids);
                for (LifecycleEvent e : fresh) {
                    if (e.litigationOpened()) {
                        Litigation.open(c, e);
                    } else if (e.litigationClosed()) {
                        Litigation.close(c, e);
                    }
                }
                return new Outcome(fresh.size(), batch.size() - fresh.size(), schedules);
            } catch (SQLException e) {
                throw new IllegalStateException("Lifecycle events not stored", e);
            }
        });
    }

    /** Inserts the events not stored yet; returns the database id of each one inserted, by identity. */
    private static Map<String, Long> insertEvents(Connection c, List<LifecycleEvent> events) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (events.isEmpty()) {
            return ids;
        }
        int n = events.size();
        String[] source = new String[n], id = new String[n], type = new String[n], subject = new String[n],
                trigger = new String[n], caisse = new String[n], fiches = new String[n], dossier = new String[n];
        Date[] occurred = new Date[n];
        for (int i = 0; i < n; i++) {
            LifecycleEvent e = events.get(i);
            source[i] = e.source();
            id[i] = e.id();
            type[i] = e.type();
            subject[i] = e.subjectRef();
            trigger[i] = e.trigger() == null ? null : e.trigger().name();
            occurred[i] = Date.valueOf(e.occurredOn());
            caisse[i] = e.caisseCode();
            fiches[i] = NativeRows.integerArray(e.ficheNumbers());
            dossier[i] = e.dossierRef();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into lifecycle_event (source, event_id, type, "
                + "subject_ref, trigger, occurred_on, caisse_code, fiche_numbers, dossier_ref) "
                + "select s, i, t, r, g, o, k, cast(f as integer[]), d from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "as x(s, i, t, r, g, o, k, f, d) on conflict (source, event_id) do nothing "
                + "returning id, source, event_id")) {
            ps.setArray(1, c.createArrayOf("varchar", source));
            ps.setArray(2, c.createArrayOf("varchar", id));
            ps.setArray(3, c.createArrayOf("varchar", type));
            ps.setArray(4, c.createArrayOf("varchar", subject));
            ps.setArray(5, c.createArrayOf("varchar", trigger));
            ps.setArray(6, c.createArrayOf("date", occurred));
            ps.setArray(7, c.createArrayOf("varchar", caisse));
            ps.setArray(8, c.createArrayOf("varchar", fiches));
            ps.setArray(9, c.createArrayOf("varchar", dossier));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2) + '\u0000' + rs.getString(3), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * One schedule per (event, matching executable rule), due at the trigger date + the rule's duration. A plain
     * insert: its events were inserted by this transaction, so no other can have scheduled them (the rule store's
     * recomputation takes the rule book's lock alone), and {@code schedule_once} stays the guard. {@code on conflict
     * do nothing} cost an extra probe of that index for every row.
     */
    private static int insertSchedules(Connection c, RuleBook book, List<LifecycleEvent> events, Map<String, Long> ids)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (LifecycleEvent e : events) {
            if (e.trigger() == null) {
                continue;
            }
            for (RuleBook.RuleRef r : book.matching(e.trigger(), e.ficheNumbers())) {
                RetentionLaw.dueOn(r.rule(), e.occurredOn()).ifPresent(due -> rows.add(new Object[] {
                        ids.get(e.identity()), e, r, due }));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        Long[] event = new Long[n];
        String[] subject = new String[n], caisse = new String[n], text = new String[n], trigger = new String[n],
                duration = new String[n], fate = new String[n];
        Integer[] fiche = new Integer[n], version = new Integer[n], index = new Integer[n];
        Boolean[] untilFinal = new Boolean[n];
        Date[] triggerDate = new Date[n], ruleDue = new Date[n];
        for (int i = 0; i < n; i++) {
            LifecycleEvent e = (LifecycleEvent) rows.get(i)[1];
            RuleBook.RuleRef r = (RuleBook.RuleRef) rows.get(i)[2];
            event[i] = (Long) rows.get(i)[0];
            subject[i] = e.subjectRef();
            caisse[i] = e.caisseCode();
            fiche[i] = r.ficheNumber();
            version[i] = r.ficheVersion();
            index[i] = r.index();
            text[i] = r.text();
            trigger[i] = r.rule().trigger().name();
            duration[i] = r.rule().duration();
            fate[i] = r.rule().fate().name();
            untilFinal[i] = r.rule().untilFinalDecisionIfLitigation();
            triggerDate[i] = Date.valueOf(e.occurredOn());
            ruleDue[i] = Date.valueOf((java.time.LocalDate) rows.get(i)[3]);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into schedule (event_id, subject_ref, caisse_code, "
                + "fiche_number, fiche_version, rule_index, rule_text, trigger, duration, fate, until_final_decision, "
                + "trigger_date, rule_due_on, due_on) select ev, sr, cc, fn, fv, ri, rt, tg, du, fa, uf, td, rd, "
                + RetentionSql.due("rd", "uf", "sr", "fn") + " "
                + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "as x(ev, sr, cc, fn, fv, ri, rt, tg, du, fa, uf, td, rd)")) {
            Array[] arrays = { c.createArrayOf("bigint", event), c.createArrayOf("varchar", subject),
                    c.createArrayOf("varchar", caisse), c.createArrayOf("integer", fiche),
                    c.createArrayOf("integer", version), c.createArrayOf("integer", index),
                    c.createArrayOf("text", text), c.createArrayOf("varchar", trigger),
                    c.createArrayOf("varchar", duration), c.createArrayOf("varchar", fate),
                    c.createArrayOf("boolean", untilFinal), c.createArrayOf("date", triggerDate),
                    c.createArrayOf("date", ruleDue) };
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 1, arrays[i]);
            }
            return ps.executeUpdate();
        }
    }
}
