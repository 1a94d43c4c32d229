package fr.assurancemaladie.rgpd.retention.schedule.law;

/**
 * {@link RetentionLaw} inside PostgreSQL, where the sweep, the ingestion and the reports need it set-based: the
 * functions of migration {@code V3__retention_law.sql}, and the fragments that call them. Every SQL statement of
 * retention-service that dates a schedule or asks whether a hold covers it is built from here; none spells the rule
 * again. {@code RetentionCasesTest} runs the same table of cases through these and through {@link RetentionLaw}.
 * <ul>
 * <li>{@code retention_rule_due(trigger_date, duration)}: the rule's own due date ({@link RetentionLaw#dueOn(
 * RetentionLaw.Rule, java.time.LocalDate)});</li>
 * <li>{@link #due}: with the litigation clause ({@link RetentionLaw#dueOn(RetentionLaw.Schedule,
 * java.util.Collection)}), written into the statement rather than called as a function: PostgreSQL cannot inline a
 * function that holds a subquery, and calling one cost 4.7 µs per schedule written against 0.6 µs inline (measured on
 * 200,000 rows, issue 15). Migration V5 drops the function form ({@code retention_due}, {@code final_decision_on}),
 * so this is the only one;</li>
 * <li>{@code hold_covers(kind, fiches, caisse, from_on, until_on, fiche, caisse, day)}: {@link
 * RetentionLaw.Hold#covers}; PostgreSQL inlines it, so the hold indexes are used as if it were written out.</li>
 * </ul>
 */
public final class RetentionSql {

    private RetentionSql() {
    }

    /** The rule's own due date: {@code triggerDate} and {@code duration} are SQL expressions (columns or {@code ?}). */
    public static String ruleDue(String triggerDate, String duration) {
        return "retention_rule_due(" + triggerDate + ", " + duration + ")";
    }

    /**
     * The due date with the litigation clause, from SQL expressions: the later of the rule's own date and the last
     * final decision (a released litigation hold) of the same person on that fiche or on all their fiches.
     * {@code subjectRef} and {@code fiche} appear once each (they may be {@code ?}), {@code ruleDue} three times.
     */
    public static String due(String ruleDue, String untilFinalDecision, String subjectRef, String fiche) {
        return "case when " + untilFinalDecision + " then greatest(" + ruleDue + ", coalesce((select max(fd_h.until_on) "
                + "from hold fd_h where fd_h.kind = 'LITIGATION' and fd_h.subject_ref = " + subjectRef
                + " and fd_h.until_on is not null and (fd_h.fiche_numbers is null or " + fiche
                + " = any (fd_h.fiche_numbers))), " + ruleDue + ")) else " + ruleDue + " end";
    }

    /** The due date of schedule alias {@code s} recomputed from its own columns (after a litigation closed). */
    public static String dueOfSchedule(String s) {
        return due(s + ".rule_due_on", s + ".until_final_decision", s + ".subject_ref", s + ".fiche_number");
    }

    /** Hold alias {@code h} covers schedule alias {@code s} on {@code day} (an SQL expression: a column or {@code ?}). */
    public static String holdCovers(String h, String s, String day) {
        return h + ".subject_ref = " + s + ".subject_ref and hold_covers(" + h + ".kind, " + h + ".fiche_numbers, " + h
                + ".caisse_code, " + h + ".from_on, " + h + ".until_on, " + s + ".fiche_number, " + s + ".caisse_code, "
                + day + ")";
    }

    /** Some hold covers schedule alias {@code s} on {@code day}: {@code day} appears once (one {@code ?}). */
    public static String held(String s, String day) {
        return "exists (select 1 from hold h where " + holdCovers("h", s, day) + ")";
    }

    /** The sweep's decision for schedule alias {@code s} on {@code day}: {@code 'NOT_DUE'}, {@code 'HELD'}, {@code 'ORDER'}. */
    public static String decision(String s, String day) {
        return "case when " + s + ".due_on > " + day + " then 'NOT_DUE' when " + held(s, day) + " then 'HELD' "
                + "else 'ORDER' end";
    }

    /** Schedule alias {@code s} is due and free on {@code day}, i.e. {@link #decision} is ORDER ({@code day} twice). */
    public static String orderable(String s, String day) {
        return s + ".due_on <= " + day + " and not " + held(s, day);
    }
}
