package fr.assurancemaladie.rgpd.retention.sweep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;

/** Writes many due schedules straight into the database: the sweep is what is under test, not the ingestion. */
public final class DueSchedules {

    private DueSchedules() {
    }

    /** {@code n} persons, one lifecycle event and one schedule each, due on 2003-01-01, in caisse {@code caisse}. */
    public static void insert(DataSource ds, String tag, int n, String caisse) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with ev as (
                  insert into lifecycle_event (source, event_id, type, subject_ref, trigger, occurred_on, caisse_code)
                  select 'urn:test:sweep', ? || '-' || g, 'fr.assurancemaladie.lifecycle.rights-end',
                         encode(sha256(convert_to(? || '-' || g, 'UTF8')), 'hex'), 'RIGHTS_END', date '2000-01-01', ?
                    from generate_series(1, ?) g
                  returning id, subject_ref, occurred_on)
                insert into schedule (event_id, subject_ref, caisse_code, fiche_number, fiche_version, rule_index,
                       rule_text, trigger, duration, fate, until_final_decision, trigger_date, rule_due_on, due_on)
                select id, subject_ref, ?, 1, 1, 0, '3 ans après la fin de validité des droits', 'RIGHTS_END',
                       'P3Y', 'DESTRUCTION', false, occurred_on, date '2003-01-01', date '2003-01-01' from ev""")) {
            ps.setString(1, tag);
            ps.setString(2, tag);
            ps.setString(3, caisse);
            ps.setInt(4, n);
            ps.setString(5, caisse);
            ps.executeUpdate();
        }
    }
}
