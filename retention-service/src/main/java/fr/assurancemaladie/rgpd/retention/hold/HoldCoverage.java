package fr.assurancemaladie.rgpd.retention.hold;

/**
 * When a hold covers a schedule, in SQL: same person, active on the day, on all the person's fiches or on the
 * schedule's. A limitation or a litigation concerns the person wherever their data are; a manual hold is a DPO's
 * decision for their own caisse, so it covers that caisse's schedules only. One definition for the sweep, the
 * schedule views and the reports.
 */
public final class HoldCoverage {

    private HoldCoverage() {
    }

    /**
     * {@code exists (…)} for schedule alias {@code s}, with a named date parameter (e.g. {@code :today}) or a
     * positional one ({@code ?}, used twice: pass the day twice).
     */
    public static String activeHoldExists(String s, String day) {
        return "exists (select 1 from hold h where " + activeHold("h", s, day) + ")";
    }

    /** The condition on hold alias {@code h} alone, for queries that need more than existence. */
    public static String activeHold(String h, String s, String day) {
        return h + ".subject_ref = " + s + ".subject_ref and " + h + ".from_on <= " + day + " and (" + h
                + ".until_on is null or " + h + ".until_on > " + day + ") and (" + h + ".fiche_numbers is null or " + s
                + ".fiche_number = any (" + h + ".fiche_numbers)) and (" + h + ".kind <> 'MANUAL' or " + h
                + ".caisse_code = " + s + ".caisse_code)";
    }

    /** The same rule in Java, for a hold already read. */
    public static boolean covers(String holdKind, String holdCaisse, java.util.Set<Integer> holdFiches, int fiche,
            String caisse) {
        return (holdFiches == null || holdFiches.contains(fiche))
                && (!"MANUAL".equals(holdKind) || holdCaisse.equals(caisse));
    }
}
