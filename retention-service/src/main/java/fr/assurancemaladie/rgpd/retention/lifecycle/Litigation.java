package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.hold.HoldStore;
import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionSql;
import java.sql.Connection;
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
        HoldStore.put(c, hold(e, "Contentieux en cours" + (e.dossierRef() == null ? "" : " (dossier " + e.dossierRef()
                + ")")), null);
    }

    static void close(Connection c, LifecycleEvent e) throws SQLException {
        HoldStore.Release release = new HoldStore.Release(e.occurredOn(), e.source(), "Décision définitive du "
                + e.occurredOn() + (e.dossierRef() == null ? "" : " (dossier " + e.dossierRef() + ")"));
        int released = e.dossierRef() == null
                ? HoldStore.releaseLitigationsWithoutDossier(c, e.subjectRef(), release)
                : HoldStore.releaseFrom(c, HoldKind.LITIGATION, e.subjectRef(), dossier(e), release);
        if (released == 0) {
            // closed without an opening heard: the final decision still counts for the litigation clause
            HoldStore.put(c, hold(e, "Contentieux clos (ouverture non reçue)"), release);
        }
        // the person's due schedules under the litigation clause, re-dated; their due entries are locked first, so
        // that one a sweep is ordering right now is waited for and then left alone (it is no longer due)
        try (PreparedStatement lock = c.prepareStatement("select d.schedule_id from schedule_due d join schedule s "
                + "on s.id = d.schedule_id where s.subject_ref = ? and s.until_final_decision for update of d")) {
            lock.setString(1, e.subjectRef());
            try (java.sql.ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    // locked
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update schedule s set due_on = "
                + RetentionSql.dueOfSchedule("s") + ", updated_at = now() from schedule_due d "
                + "where d.schedule_id = s.id and s.subject_ref = ? and s.status = 'SCHEDULED' "
                + "and s.until_final_decision")) {
            ps.setString(1, e.subjectRef());
            ps.executeUpdate();
        }
    }

    /** The litigation hold an event puts: on the fiches it names (or all), from the event's day. */
    private static HoldStore.NewHold hold(LifecycleEvent e, String reason) {
        return new HoldStore.NewHold(null, HoldKind.LITIGATION, e.subjectRef(), e.ficheNumbers(), e.caisseCode(),
                dossier(e), reason, e.occurredOn(), e.source());
    }

    private static String dossier(LifecycleEvent e) {
        return e.dossierRef() == null ? "event:" + e.id() : e.dossierRef();
    }
}
