package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;

import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
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
        insert(c, e, "Contentieux en cours" + (e.dossierRef() == null ? "" : " (dossier " + e.dossierRef() + ")"),
                null);
    }

    /** A litigation hold: open, or already released ({@code releaseReason} not null) on the day of the event. */
    private static void insert(Connection c, LifecycleEvent e, String reason, String releaseReason)
            throws SQLException {
        boolean released = releaseReason != null;
        try (PreparedStatement ps = c.prepareStatement("insert into hold (kind, subject_ref, fiche_numbers, caisse_code, "
                + "source_ref, reason, from_on, until_on, created_by, released_at, released_by, release_reason) "
                + "values ('LITIGATION', ?, cast(? as integer[]), ?, ?, ?, ?, ?, ?, case when ? then now() end, ?, ?) "
                + "on conflict do nothing")) {
            Date day = Date.valueOf(e.occurredOn());
            ps.setString(1, e.subjectRef());
            ps.setString(2, NativeRows.integerArray(e.ficheNumbers()));
            ps.setString(3, e.caisseCode());
            ps.setString(4, dossier(e));
            ps.setString(5, reason);
            ps.setDate(6, day);
            ps.setDate(7, released ? day : null);
            ps.setString(8, e.source());
            ps.setBoolean(9, released);
            ps.setString(10, released ? e.source() : null);
            ps.setString(11, releaseReason);
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
            insert(c, e, "Contentieux clos (ouverture non reçue)", reason);
        }
        try (PreparedStatement ps = c.prepareStatement("update schedule s set due_on = "
                + RetentionSql.dueOfSchedule("s") + ", updated_at = now() "
                + "where s.subject_ref = ? and s.status = 'SCHEDULED' and s.until_final_decision")) {
            ps.setString(1, e.subjectRef());
            ps.executeUpdate();
        }
    }

    private static String dossier(LifecycleEvent e) {
        return e.dossierRef() == null ? "event:" + e.id() : e.dossierRef();
    }
}
