package fr.assurancemaladie.rgpd.retention.schedule;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;

/**
 * The retention law the scheduler obeys (design.md §5), in plain Java:
 * <ul>
 * <li>only a STRUCTURED or IMPLICIT_TRIGGER rule with a duration, a trigger and a fate gives a schedule — PARTIAL and UNSTRUCTURED rules
 * are for people to review, never executed;</li>
 * <li>due = trigger date + duration (ISO-8601; {@code P0D}: the day of the event);</li>
 * <li>a rule kept "or until a final decision in case of litigation" is due at the later of its own date and the
 * final decision (the day the litigation closed), and is not due while a litigation is open;</li>
 * <li>a deletion is ordered only when due and no hold covers it: a limitation of processing (art. 18), an open
 * litigation, or a manual hold by a DPO.</li>
 * </ul>
 */
public final class RetentionLaw {

    /**
     * No retention period of the register comes near this; a longer one is a mistake in a fiche, never executed (and
     * a date that far would overflow the calendar).
     */
    public static final int MAX_YEARS = 150;

    /** The parts of a register rule the scheduler needs (JSON names of the fiche contract). */
    public record Rule(String duration, String trigger, String fate, boolean untilFinalDecisionIfLitigation, String status) {

        public boolean executable() {
            return ("STRUCTURED".equals(status) || "IMPLICIT_TRIGGER".equals(status)) && period().isPresent()
                    && trigger != null && ("DESTRUCTION".equals(fate) || "ARCHIVE".equals(fate));
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

    /** Why a deletion waits, and since/until when. */
    public enum HoldKind { LIMITATION, LITIGATION, MANUAL }

    /** A hold: active from {@code from}, released on {@code until} (null: still active). */
    public record Hold(HoldKind kind, LocalDate from, LocalDate until) {
        public boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /** What the sweep does with a schedule today. */
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
     * The due date once litigation is counted: for a rule kept until a final decision, the later of its own date
     * and the day the last litigation closed; empty while a litigation is still open (no date can be stated).
     */
    public static Optional<LocalDate> effectiveDue(Rule rule, LocalDate ownDue, Collection<Hold> holds) {
        if (!rule.untilFinalDecisionIfLitigation()) {
            return Optional.of(ownDue);
        }
        LocalDate due = ownDue;
        for (Hold h : holds) {
            if (h.kind() == HoldKind.LITIGATION) {
                if (h.until() == null) {
                    return Optional.empty();
                }
                if (h.until().isAfter(due)) {
                    due = h.until();
                }
            }
        }
        return Optional.of(due);
    }

    /** The sweep's decision for one schedule today. */
    public static Decision decide(Rule rule, LocalDate ownDue, Collection<Hold> holds, LocalDate today) {
        Optional<LocalDate> due = effectiveDue(rule, ownDue, holds);
        if (due.isEmpty() || today.isBefore(due.get())) {
            return due.isEmpty() ? Decision.HELD : Decision.NOT_DUE;
        }
        return holds.stream().anyMatch(h -> h.activeOn(today)) ? Decision.HELD : Decision.ORDER;
    }
}
