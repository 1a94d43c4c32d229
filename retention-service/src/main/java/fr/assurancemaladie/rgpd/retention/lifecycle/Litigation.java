package fr.assurancemaladie.rgpd.retention.lifecycle;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Litigation holds from {@code lifecycle.events}: {@code litigation-opened} puts a hold on the person (the fiches it
 * names, or all), {@code litigation-closed} releases it on the day of the final decision (the one of its
 * {@code dossierRef}; without one, those opened without one), and moves the schedules of
 * rules kept "until a final decision in case of litigation" to the later of their own date and that day.
 */
final class Litigation {

    private Litigation() {
    }

    static void open(Connection c, LifecycleEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into hold (kind, subject_ref, fiche_numbers, caisse_code, "
                + "source_ref, reason, from_on, created_by) values ('LITIGATION', ?, cast(? as integer[]), ?, ?, ?, ?, ?) "
                + "on conflict do nothing")) {
            ps.setString(1, e.subjectRef());
            ps.setString(2, array(e));
            ps.setString(3, e.caisseCode());
            ps.setString(4, dossier(e));
            ps.setString(5, "Contentieux en cours" + (e.dossierRef() == null ? "" : " (dossier " + e.dossierRef() + ")"));
            ps.setDate(6, Date.valueOf(e.occurredOn()));
            ps.setString(7, e.source());
            ps.executeUpdate();
        }
    }

    static void close(Connection c, LifecycleEvent e) throws SQLException {
        String reason = "Décision définitive du " + e.occurredOn()
                + (e.dossierRef() == null ? "" : " (dossier " + e.dossierRef() + ")");
        int released;
        try (PreparedStatement ps = c.prepareStatement("update hold set until_on = greatest(from_on, ?), "
                + "released_at = now(), released_by = ?, release_reason = ? where kind = 'LITIGATION' "
                + "and subject_ref = ? and released_at is null "
                + "and (case when ? then source_ref like 'event:%' else source_ref = ? end)")) {
            ps.setDate(1, Date.valueOf(e.occurredOn()));
            ps.setString(2, e.source());
            ps.setString(3, reason);
            ps.setString(4, e.subjectRef());
            ps.setBoolean(5, e.dossierRef() == null);
            ps.setString(6, dossier(e));
            released = ps.executeUpdate();
        }
        if (released == 0) {
            // closed without an opening heard: the final decision still counts for the litigation clause
            try (PreparedStatement ps = c.prepareStatement("insert into hold (kind, subject_ref, fiche_numbers, "
                    + "caisse_code, source_ref, reason, from_on, until_on, created_by, released_at, released_by, "
                    + "release_reason) values ('LITIGATION', ?, cast(? as integer[]), ?, ?, ?, ?, ?, ?, now(), ?, ?)")) {
                ps.setString(1, e.subjectRef());
                ps.setString(2, array(e));
                ps.setString(3, e.caisseCode());
                ps.setString(4, dossier(e));
                ps.setString(5, "Contentieux clos (ouverture non reçue)");
                ps.setDate(6, Date.valueOf(e.occurredOn()));
                ps.setDate(7, Date.valueOf(e.occurredOn()));
                ps.setString(8, e.source());
                ps.setString(9, e.source());
                ps.setString(10, reason);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update schedule set due_on = greatest(rule_due_on, "
                + "coalesce(final_decision_on(subject_ref, fiche_number), rule_due_on)), updated_at = now() "
                + "where subject_ref = ? and status = 'SCHEDULED' and until_final_decision")) {
            ps.setString(1, e.subjectRef());
            ps.executeUpdate();
        }
    }

    private static String dossier(LifecycleEvent e) {
        return e.dossierRef() == null ? "event:" + e.id() : e.dossierRef();
    }

    private static String array(LifecycleEvent e) {
        return e.ficheNumbers() == null ? null
                : e.ficheNumbers().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
