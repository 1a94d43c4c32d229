package fr.assurancemaladie.rgpd.retention.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import fr.assurancemaladie.rgpd.projection.FicheProjected;
import fr.assurancemaladie.rgpd.projection.ProjectedFiche;
import fr.assurancemaladie.rgpd.retention.rules.FicheRules.Item;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import fr.assurancemaladie.rgpd.support.persistence.AdvisoryLock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The register's retention rules as this service applies them ({@code fiche_rule}), kept in step with the projection
 * of {@code register.fiches}, and the rule book every ingestion batch reads.
 *
 * <p>When a fiche is published with a rule that executes differently (duration, trigger, fate, litigation clause), the
 * schedules not yet executed are recomputed in the same transaction as the projection: same trigger → new dates and
 * fate; rule gone or no longer executable → cancelled, with the reason; new executable rule → scheduled for every
 * lifecycle event already heard on its trigger. An advisory lock keeps ingestion batches (shared) and recomputation
 * (exclusive) apart, so no batch writes schedules from a rule book that has just been replaced.
 */
@ApplicationScoped
public class RuleStore {

    private static final Logger LOG = Logger.getLogger(RuleStore.class);
    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    private volatile RuleBook book = new RuleBook(-1, List.of());

    /** Within the caller's transaction: takes the rule-book lock (shared) and returns the current rule book. */
    public RuleBook current(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select " + AdvisoryLock.RULE_BOOK.shared("0"))) {
            lock.execute();
        }
        long revision;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select revision from rule_book where id = 1")) {
            rs.next();
            revision = rs.getLong(1);
        }
        RuleBook cached = book;
        if (cached.revision() == revision) {
            return cached;
        }
        List<RuleBook.RuleRef> refs = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select fiche_number, fiche_version, "
                + "rule_index, text, duration, trigger, fate, until_final_decision, status from fiche_rule "
                + "where executable")) {
            while (rs.next()) {
                refs.add(new RuleBook.RuleRef(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rule(rs, 5)));
            }
        }
        RuleBook fresh = new RuleBook(revision, refs);
        book = fresh;
        return fresh;
    }

    /** A fiche was (re)published: apply its rules. Runs inside the projection's transaction. */
    void onProjected(@Observes FicheProjected event) {
        if (event.status() != ProjectedFiche.Status.PUBLISHED) {
            // A withdrawn fiche keeps its schedules: the data it covered still have to be deleted on time.
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            apply(c, event.number(), event.version(), FicheRules.of(event.fiche()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply the rules of fiche " + event.number(), e);
        }
    }

    void apply(Connection c, int fiche, int version, List<Item> fresh) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select " + AdvisoryLock.RULE_BOOK.exclusive("0"))) {
            lock.execute();
        }
        Map<Integer, Item> old = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select rule_index, text, duration, trigger, fate, "
                + "until_final_decision, status from fiche_rule where fiche_number = ?")) {
            ps.setInt(1, fiche);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    old.put(rs.getInt(1), new Item(rs.getInt(1), rs.getString(2), rule(rs, 3)));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("delete from fiche_rule where fiche_number = ?");
                PreparedStatement ins = c.prepareStatement("insert into fiche_rule (fiche_number, rule_index, "
                        + "fiche_version, text, duration, trigger, fate, until_final_decision, status, executable) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            del.setInt(1, fiche);
            del.executeUpdate();
            for (Item item : fresh) {
                RetentionLaw.Rule r = item.rule();
                boolean executable = r.executable();
                ins.setInt(1, fiche);
                ins.setInt(2, item.index());
                ins.setInt(3, version);
                ins.setString(4, item.text());
                ins.setString(5, r.duration());
                ins.setString(6, name(r.trigger()));
                ins.setString(7, name(r.fate()));
                ins.setBoolean(8, r.untilFinalDecisionIfLitigation());
                ins.setString(9, r.status() == null ? RuleStatus.UNSTRUCTURED.name() : r.status().name());
                ins.setBoolean(10, executable);
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("update rule_book set revision = revision + 1 where id = 1");
        }

        int indexes = Math.max(fresh.size(), old.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
        for (int i = 0; i < indexes; i++) {
            Item before = old.get(i);
            Item after = i < fresh.size() ? fresh.get(i) : null;
            boolean wasExecutable = before != null && before.rule().executable();
            boolean isExecutable = after != null && after.rule().executable();
            boolean sameTrigger = wasExecutable && isExecutable
                    && Objects.equals(before.rule().trigger(), after.rule().trigger());
            if (sameTrigger) {
                if (!before.sameExecution(after) || !before.text().equals(after.text())) {
                    int n = update(c, fiche, version, after);
                    LOG.infof("Fiche %d v%d, rule %d changed: %d pending schedules recomputed", fiche, version, i, n);
                }
                continue;
            }
            if (wasExecutable) {
                int n = cancel(c, fiche, i, "Règle " + (i + 1) + " de la fiche " + fiche + " modifiée ou retirée "
                        + "dans la version " + version + " du registre.");
                LOG.infof("Fiche %d v%d, rule %d no longer applies: %d pending schedules cancelled", fiche, version, i,
                        n);
            }
            if (isExecutable) {
                int n = scheduleHeardEvents(c, fiche, version, after);
                if (n > 0) {
                    LOG.infof("Fiche %d v%d, rule %d: %d schedules from events already heard", fiche, version, i, n);
                }
            }
        }
    }

    /**
     * Locks the due entries of a rule before its schedules change: a sweep claiming some of them right now is waited
     * for, and those it ordered are left alone (they are no longer due). The statement that follows sees what it
     * committed, including what it put back when Kafka did not take it.
     */
    private static void lockDue(Connection c, int fiche, int index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select schedule_id from schedule_due where fiche_number = ? "
                + "and rule_index = ? for update")) {
            ps.setInt(1, fiche);
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // locked
                }
            }
        }
    }

    private static int update(Connection c, int fiche, int version, Item rule) throws SQLException {
        lockDue(c, fiche, rule.index());
        String ruleDue = RetentionSql.ruleDue("s.trigger_date", "p.duration");
        try (PreparedStatement ps = c.prepareStatement("update schedule s set duration = p.duration, fate = p.fate, "
                + "until_final_decision = p.until_final, rule_text = p.rt, fiche_version = p.version, rule_due_on = "
                + ruleDue + ", due_on = " + RetentionSql.due(ruleDue, "p.until_final", "s.subject_ref", "s.fiche_number")
                + ", updated_at = now() from (select cast(? as varchar) duration, cast(? as varchar) fate, "
                + "cast(? as boolean) until_final, cast(? as text) rt, cast(? as integer) version) p, schedule_due d "
                + "where d.fiche_number = ? and d.rule_index = ? and s.id = d.schedule_id and s.status = 'SCHEDULED'")) {
            RetentionLaw.Rule r = rule.rule();
            ps.setString(1, r.duration());
            ps.setString(2, name(r.fate()));
            ps.setBoolean(3, r.untilFinalDecisionIfLitigation());
            ps.setString(4, rule.text());
            ps.setInt(5, version);
            ps.setInt(6, fiche);
            ps.setInt(7, rule.index());
            return ps.executeUpdate();
        }
    }

    private static int cancel(Connection c, int fiche, int index, String reason) throws SQLException {
        lockDue(c, fiche, index);
        try (PreparedStatement ps = c.prepareStatement("update schedule set status = 'CANCELLED', cancel_reason = ?, "
                + "updated_at = now() where id in (select schedule_id from schedule_due where fiche_number = ? "
                + "and rule_index = ?) and status = 'SCHEDULED'")) {
            ps.setString(1, reason);
            ps.setInt(2, fiche);
            ps.setInt(3, index);
            return ps.executeUpdate();
        }
    }

    private static int scheduleHeardEvents(Connection c, int fiche, int version, Item rule) throws SQLException {
        String ruleDue = RetentionSql.ruleDue("e.occurred_on", "p.duration");
        try (PreparedStatement ps = c.prepareStatement("insert into schedule as s (event_id, subject_ref, caisse_code, "
                + "fiche_number, fiche_version, rule_index, rule_text, trigger, duration, fate, until_final_decision, "
                + "trigger_date, rule_due_on, due_on) select e.id, e.subject_ref, e.caisse_code, p.fiche, p.version, "
                + "p.ri, p.rt, e.trigger, p.duration, p.fate, p.until_final, e.occurred_on, " + ruleDue + ", "
                + RetentionSql.due(ruleDue, "p.until_final", "e.subject_ref", "p.fiche")
                + " from (select cast(? as integer) fiche, cast(? as integer) version, cast(? as integer) ri, "
                + "cast(? as text) rt, cast(? as varchar) duration, cast(? as varchar) fate, "
                + "cast(? as boolean) until_final, cast(? as varchar) trigger) p "
                + "join lifecycle_event e on e.trigger = p.trigger "
                + "and (e.fiche_numbers is null or p.fiche = any (e.fiche_numbers))"
                + " on conflict (event_id, fiche_number, rule_index) do update set status = 'SCHEDULED', "
                + "cancel_reason = null, fiche_version = excluded.fiche_version, rule_text = excluded.rule_text, "
                + "trigger = excluded.trigger, duration = excluded.duration, fate = excluded.fate, "
                + "until_final_decision = excluded.until_final_decision, rule_due_on = excluded.rule_due_on, "
                + "due_on = excluded.due_on, updated_at = now() where s.status = 'CANCELLED'")) {
            RetentionLaw.Rule r = rule.rule();
            ps.setInt(1, fiche);
            ps.setInt(2, version);
            ps.setInt(3, rule.index());
            ps.setString(4, rule.text());
            ps.setString(5, r.duration());
            ps.setString(6, name(r.fate()));
            ps.setBoolean(7, r.untilFinalDecisionIfLitigation());
            ps.setString(8, name(r.trigger()));
            return ps.executeUpdate();
        }
    }

    /** A rule as {@code fiche_rule} stores it, from column {@code first} on: duration, trigger, fate, until_final, status. */
    private static RetentionLaw.Rule rule(ResultSet rs, int first) throws SQLException {
        return new RetentionLaw.Rule(rs.getString(first), RetentionTrigger.fromCode(rs.getString(first + 1)).orElse(null),
                enumOf(Fate.class, rs.getString(first + 2)), rs.getBoolean(first + 3),
                enumOf(RuleStatus.class, rs.getString(first + 4)));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
