package fr.assurancemaladie.rgpd.retention.schedule.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Decision;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of {@link RetentionCases} through PostgreSQL: the functions of migration V3 as retention-service's
 * statements call them ({@link RetentionSql}), on real rows of {@code lifecycle_event}, {@code hold} and {@code
 * schedule}. {@code RetentionLawTest} runs the same table through the Java rule: both must give the hand-written
 * answers, so they agree. Each case runs in a transaction rolled back at the end.
 */
@QuarkusTest
class RetentionCasesInDatabaseTest {

    @Inject
    AgroalDataSource ds;

    static Stream<RetentionCases.Case> cases() {
        return RetentionCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTableOfCases(RetentionCases.Case c) throws Exception {
        String subject = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        try (Connection db = ds.getConnection()) {
            db.setAutoCommit(false);
            try {
                long event = event(db, subject, c);
                int n = 0;
                for (RetentionCases.H h : c.holds()) {
                    hold(db, subject, h, n++);
                }
                // as ingestion and the rule book write it
                UUID id;
                try (PreparedStatement ps = db.prepareStatement("insert into schedule (event_id, subject_ref, "
                        + "caisse_code, fiche_number, fiche_version, rule_index, rule_text, trigger, duration, fate, "
                        + "until_final_decision, trigger_date, rule_due_on, due_on) select ?, ?, ?, ?, 1, 0, 'cas', "
                        + "'RIGHTS_END', x.duration, 'DESTRUCTION', x.uf, x.td, "
                        + RetentionSql.ruleDue("x.td", "x.duration") + ", "
                        + RetentionSql.due(RetentionSql.ruleDue("x.td", "x.duration"), "x.uf", "?", "?")
                        + " from (select cast(? as date) td, cast(? as varchar) duration, cast(? as boolean) uf) x "
                        + "returning id")) {
                    ps.setLong(1, event);
                    ps.setString(2, subject);
                    ps.setString(3, RetentionCases.CAISSE);
                    ps.setInt(4, c.fiche());
                    ps.setString(5, subject);
                    ps.setInt(6, c.fiche());
                    ps.setDate(7, Date.valueOf(c.triggerDate()));
                    ps.setString(8, c.duration());
                    ps.setBoolean(9, c.untilFinal());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getObject(1, UUID.class);
                    }
                }
                assertAnswers(db, id, c, "as written");
                // as a closed litigation recomputes it
                try (PreparedStatement ps = db.prepareStatement("update schedule s set due_on = "
                        + RetentionSql.dueOfSchedule("s") + " where s.id = ?")) {
                    ps.setObject(1, id);
                    assertEquals(1, ps.executeUpdate());
                }
                assertAnswers(db, id, c, "recomputed");
            } finally {
                db.rollback();
            }
        }
    }

    private static void assertAnswers(Connection db, UUID id, RetentionCases.Case c, String how) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select s.rule_due_on, s.due_on, "
                + RetentionSql.decision("s", "?") + ", " + RetentionSql.orderable("s", "?")
                + " from schedule s where s.id = ?")) {
            Date today = Date.valueOf(c.today());
            ps.setDate(1, today);
            ps.setDate(2, today);
            ps.setDate(3, today);
            ps.setDate(4, today);
            ps.setObject(5, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(c.ruleDue(), rs.getDate(1).toLocalDate(), how + ": rule's own due date");
                assertEquals(c.due(), rs.getDate(2).toLocalDate(), how + ": due date with the litigation clause");
                assertEquals(c.decision(), Decision.valueOf(rs.getString(3)), how + ": decision");
                assertEquals(c.decision() == Decision.ORDER, rs.getBoolean(4), how + ": the sweep's predicate");
            }
        }
    }

    private static long event(Connection db, String subject, RetentionCases.Case c) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("insert into lifecycle_event (source, event_id, type, "
                + "subject_ref, trigger, occurred_on, caisse_code) values ('urn:test:cases', ?, "
                + "'fr.assurancemaladie.lifecycle.rights-end', ?, 'RIGHTS_END', ?, ?) returning id")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, subject);
            ps.setDate(3, Date.valueOf(c.triggerDate()));
            ps.setString(4, RetentionCases.CAISSE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void hold(Connection db, String subject, RetentionCases.H h, int n) throws Exception {
        boolean released = h.until() != null;
        try (PreparedStatement ps = db.prepareStatement("insert into hold (kind, subject_ref, fiche_numbers, "
                + "caisse_code, source_ref, reason, from_on, until_on, created_by, released_at, released_by, "
                + "release_reason) values (?, ?, ?, ?, ?, 'cas', ?, ?, 'test', ?, ?, ?)")) {
            ps.setString(1, h.kind().name());
            ps.setString(2, subject);
            ps.setArray(3, h.fiches() == null ? null : db.createArrayOf("integer", h.fiches().toArray()));
            ps.setString(4, h.caisse());
            ps.setString(5, "case:" + subject + ":" + n);
            ps.setDate(6, Date.valueOf(h.from()));
            ps.setDate(7, released ? Date.valueOf(h.until()) : null);
            ps.setTimestamp(8, released ? new java.sql.Timestamp(System.currentTimeMillis()) : null);
            ps.setString(9, released ? "test" : null);
            ps.setString(10, released ? "levée" : null);
            ps.executeUpdate();
        }
    }
}
