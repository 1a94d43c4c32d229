package fr.assurancemaladie.rgpd.retention.schedule.law;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The retention law the scheduler obeys, in plain Java. Its twin inside PostgreSQL is {@link RetentionSql} (the
 * functions of migration V3); {@code RetentionCasesTest} runs one table of cases through both.
 * <ul>
 * <li>only a STRUCTURED or IMPLICIT_TRIGGER rule with a duration, a trigger and a fate gives a schedule — PARTIAL and
 * UNSTRUCTURED rules are for people to review, never executed;</li>
 * <li>the rule's own due date = trigger date + duration (ISO-8601, months before days, the end of a shorter month
 * when the day does not exist: 29 February + 1 year = 28 February; {@code P0D}: the day of the event);</li>
 * <li>a rule kept "or until a final decision in case of litigation" is due at the later of its own date and the last
 * final decision (the day a litigation covering the person and the fiche closed);</li>
 * <li>a deletion is ordered once due, on a day no hold covers it. A hold covers a schedule when it is the same
 * person's, in force on the day (from its first day, until the day before its release), on all the person's fiches
 * or on the schedule's; a limitation (art. 18) or a litigation covers the person wherever the data are, a manual hold
 * is a DPO's decision for their caisse and covers that caisse's schedules only. An open litigation is a hold: nothing
 * is ordered while it lasts.</li>
 * </ul>
 */
public final class RetentionLaw {

    /**
     * No retention period of the register comes near this; a longer one is a mistake in a fiche, never executed (and
     * a date that far would overflow the calendar).
     */
    public static final int MAX_YEARS = 150;

    /** The parts of a register rule the scheduler needs (JSON names of the fiche contract). */
    public record Rule(String duration, RetentionTrigger trigger, Fate fate, boolean untilFinalDecisionIfLitigation,
            RuleStatus status) {

        /** The rule as the register's contract carries it (a value unknown to this service reads as null). */
        public static Rule of(RetentionRule rule) {
            return new Rule(rule.duration(), rule.trigger(), rule.fate(), rule.untilFinalDecisionIfLitigation(),
                    rule.status());
        }

        public boolean executable() {
            return (status == RuleStatus.STRUCTURED || status == RuleStatus.IMPLICIT_TRIGGER) && period().isPresent()
                    && trigger != null && fate != null;
        }

        public Optional<Period> period() {
            if (duration == null) {
                return Optional.empty();
            }
            try {
                Period p = Period.parse(duration);
                return p.isNegative() || p.toTotalMonths() > MAX_YEARS * 12L || p.getDays() > MAX_YEARS * 366L
                        ? Optional.empty() : Optional.of(p);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** Why a deletion waits. */
    public enum HoldKind { LIMITATION, LITIGATION, MANUAL }

    /**
     * A hold on one person's deletions: on the fiches listed ({@code null}: all of them), put by a caisse, in force
     * from {@code from} until the day before {@code until} ({@code null}: not released).
     */
    public record Hold(HoldKind kind, Set<Integer> fiches, String caisse, LocalDate from, LocalDate until) {

        /** In force on that day. */
        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }

        /** Concerns that schedule of the person (whatever the day). */
        public boolean concerns(Schedule s) {
            return (fiches == null || fiches.contains(s.fiche())) && (kind != HoldKind.MANUAL || caisse.equals(s.caisse()));
        }

        /** Covers that schedule on that day: the sweep must not order it. */
        public boolean covers(Schedule s, LocalDate day) {
            return concerns(s) && inForceOn(day);
        }
    }

    /** One person's schedule as the law sees it: fiche, caisse, the rule's own due date, the litigation clause. */
    public record Schedule(int fiche, String caisse, LocalDate ruleDue, boolean untilFinalDecision) {
    }

    /** What the sweep does with a schedule on a day. */
    public enum Decision { NOT_DUE, HELD, ORDER }

    private RetentionLaw() {
    }

    /** The rule's own due date from its trigger date; empty when the rule must not be executed. */
    public static Optional<LocalDate> dueOn(Rule rule, LocalDate triggerDate) {
        if (!rule.executable()) {
            return Optional.empty();
        }
        return Optional.of(triggerDate.plus(rule.period().orElseThrow()));
    }

    /**
     * The due date once litigation is counted, from the person's holds: for a rule kept until a final decision, the
     * later of its own date and the last day a litigation concerning the schedule closed. An open litigation moves
     * no date; it holds the order while it lasts.
     */
    public static LocalDate dueOn(Schedule s, Collection<Hold> personsHolds) {
        LocalDate due = s.ruleDue();
        if (!s.untilFinalDecision()) {
            return due;
        }
        for (Hold h : personsHolds) {
            if (h.kind() == HoldKind.LITIGATION && h.until() != null && h.concerns(s) && h.until().isAfter(due)) {
                due = h.until();
            }
        }
        return due;
    }

    /** The sweep's decision for one schedule on a day, from the person's holds (in force or released). */
    public static Decision decide(Schedule s, Collection<Hold> personsHolds, LocalDate today) {
        if (today.isBefore(dueOn(s, personsHolds))) {
            return Decision.NOT_DUE;
        }
        return personsHolds.stream().anyMatch(h -> h.covers(s, today)) ? Decision.HELD : Decision.ORDER;
    }
}
