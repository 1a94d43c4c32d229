package fr.assurancemaladie.rgpd.retention.hold;

import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import fr.assurancemaladie.rgpd.support.persistence.NativeRows;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of the {@code hold} table: limitations (rights.events), litigations (lifecycle.events) and manual
 * holds (the DPO's API) are put and released here, in the caller's transaction. What a hold covers is the law's
 * ({@code RetentionLaw.Hold}); this class only stores. The schema keeps one limitation hold per request and one open
 * litigation hold per person and dossier: putting one twice puts it once.
 */
public final class HoldStore {

    /**
     * A hold to put.
     *
     * @param fiches    the fiches it is on; null or empty: all the person's fiches
     * @param sourceRef what it comes from: the request (limitation), the dossier or {@code event:<id>} (litigation),
     *                  its own id (manual)
     */
    public record NewHold(UUID id, HoldKind kind, String subjectRef, List<Integer> fiches, String caisse,
            String sourceRef, String reason, java.time.LocalDate from, String createdBy) {
    }

    /** The end of a hold: in force until the day before {@code on} (never before its first day), by whom and why. */
    public record Release(java.time.LocalDate on, String by, String reason) {
    }

    private HoldStore() {
    }

    /** Puts a hold (released at once when {@code released} is given); false when the schema already holds it. */
    public static boolean put(Connection c, NewHold h, Release released) throws SQLException {
        boolean r = released != null;
        try (PreparedStatement ps = c.prepareStatement("insert into hold (id, kind, subject_ref, fiche_numbers, "
                + "caisse_code, source_ref, reason, from_on, until_on, created_by, released_at, released_by, "
                + "release_reason) values (coalesce(?, gen_random_uuid()), ?, ?, cast(? as integer[]), ?, ?, ?, ?, "
                + "greatest(?, cast(? as date)), ?, case when ? then now() end, ?, ?) on conflict do nothing")) {
            ps.setObject(1, h.id());
            ps.setString(2, h.kind().name());
            ps.setString(3, h.subjectRef());
            ps.setString(4, h.fiches() == null || h.fiches().isEmpty() ? null
                    : NativeRows.integerArray(h.fiches().stream().distinct().sorted().toList()));
            ps.setString(5, h.caisse());
            ps.setString(6, h.sourceRef());
            ps.setString(7, h.reason());
            ps.setDate(8, Date.valueOf(h.from()));
            ps.setDate(9, r ? Date.valueOf(h.from()) : null);
            ps.setDate(10, r ? Date.valueOf(released.on()) : null);
            ps.setString(11, h.createdBy());
            ps.setBoolean(12, r);
            ps.setString(13, r ? released.by() : null);
            ps.setString(14, r ? released.reason() : null);
            return ps.executeUpdate() == 1;
        }
    }

    /** Releases the unreleased hold with that id; false when there is none. */
    public static boolean release(Connection c, UUID id, Release release) throws SQLException {
        return update(c, "id = ?", release, id) == 1;
    }

    /** Releases the unreleased holds of that kind from that source (of that person, when given); how many. */
    public static int releaseFrom(Connection c, HoldKind kind, String subjectRef, String sourceRef, Release release)
            throws SQLException {
        return subjectRef == null
                ? update(c, "kind = ? and source_ref = ?", release, kind.name(), sourceRef)
                : update(c, "kind = ? and subject_ref = ? and source_ref = ?", release, kind.name(), subjectRef,
                        sourceRef);
    }

    /** Releases the person's unreleased litigation holds opened without a dossier ({@code event:<id>}); how many. */
    public static int releaseLitigationsWithoutDossier(Connection c, String subjectRef, Release release)
            throws SQLException {
        return update(c, "kind = 'LITIGATION' and subject_ref = ? and source_ref like 'event:%'", release, subjectRef);
    }

    private static int update(Connection c, String where, Release release, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update hold set until_on = greatest(from_on, ?), "
                + "released_at = now(), released_by = ?, release_reason = ? where released_at is null and " + where)) {
            ps.setDate(1, Date.valueOf(release.on()));
            ps.setString(2, release.by());
            ps.setString(3, release.reason());
            for (int i = 0; i < params.length; i++) {
                ps.setObject(4 + i, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
