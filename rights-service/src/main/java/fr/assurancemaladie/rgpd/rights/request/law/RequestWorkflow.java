package fr.assurancemaladie.rgpd.rights.request.law;

import fr.assurancemaladie.rgpd.rights.deadline.law.DeadlineCalculator;
import fr.assurancemaladie.rgpd.rights.deadline.law.Departement;
import fr.assurancemaladie.rgpd.rights.deadline.law.HolidayCalendar;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a rights request (GDPR art. 12), as a pure state machine:
 * <pre>
 * RECEIVED ─START─▶ IN_PROGRESS ─ANSWER─▶ ANSWERED ─CLOSE─▶ CLOSED
 *    │                 │  └─REFUSE─▶ REFUSED ─CLOSE─▶ CLOSED
 *    │                 └─EXTEND─▶ EXTENDED ─ANSWER/REFUSE─▶ …
 *    └─REQUEST_IDENTITY─▶ AWAITING_IDENTITY ─IDENTITY_RECEIVED─▶ IN_PROGRESS (due = that day + 1 month)
 * ANSWERED_NOT_APPLICABLE (answered at submission) ─CLOSE─▶ CLOSED
 * </pre>
 * Extension (art. 12(3)): once, decided before the due date, with reasons; due = start of the period + 3 months
 * (the start is the receipt, or the day missing identity information arrived), never earlier than the current due
 * date. Waiting for identity information stops the clock; when it arrives the period (one month, or three if
 * already extended) runs again from that day. A refusal needs its reason, and a refusal for a manifestly unfounded
 * or excessive request (art. 12(5)) its justification; a request whose identity is never established may be
 * refused while waiting.
 */
public final class RequestWorkflow {

    public enum Status {
        RECEIVED, IN_PROGRESS, AWAITING_IDENTITY, EXTENDED, ANSWERED, ANSWERED_NOT_APPLICABLE, REFUSED, CLOSED;

        /** Still to be answered: the DPO's queue. In SQL: {@code request_open(status)} (migration V8). */
        public boolean open() {
            return this != ANSWERED && this != ANSWERED_NOT_APPLICABLE && this != REFUSED && this != CLOSED;
        }

        /**
         * Open with the legal period running: not while identity information is awaited (the clock stops). A
         * request past its due date in such a status is late. In SQL: {@code request_clock_runs(status)}.
         */
        public boolean clockRuns() {
            return open() && this != AWAITING_IDENTITY;
        }
    }

    public enum Action { START, REQUEST_IDENTITY, IDENTITY_RECEIVED, EXTEND, ANSWER, REFUSE, CLOSE }

    /** Dates in the messages people read: « mardi 31 décembre 2024 ». */
    static final java.time.format.DateTimeFormatter FRENCH_DAY = java.time.format.DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRANCE);

    /** The statuses in the words of the messages. */
    static final java.util.Map<Status, String> STATUS_FR = java.util.Map.of(
            Status.RECEIVED, "reçue", Status.IN_PROGRESS, "en cours", Status.AWAITING_IDENTITY,
            "en attente d'informations d'identité", Status.EXTENDED, "prolongée", Status.ANSWERED, "répondue",
            Status.ANSWERED_NOT_APPLICABLE, "répondue : droit non applicable", Status.REFUSED, "refusée",
            Status.CLOSED, "close");

    /** Why a request is refused. */
    public enum RefusalGround { MANIFESTLY_UNFOUNDED, EXCESSIVE, IDENTITY_NOT_ESTABLISHED, OTHER }

    /** A request's state as the workflow needs it. */
    public record State(Status status, LocalDate periodStart, LocalDate dueOn, boolean extended, HolidayCalendar calendar) {

        /** With the legal holidays of a département (the caisse's calendar when it has no local days). */
        public State(Status status, LocalDate periodStart, LocalDate dueOn, boolean extended, Departement departement) {
            this(status, periodStart, dueOn, extended, HolidayCalendar.legal(departement));
        }
    }

    /** What the actor sends with the action. */
    public record Command(Action action, String reason, String answer, RefusalGround ground, LocalDate today) {
    }

    /** The state after a legal transition. */
    public record Transition(Status status, LocalDate periodStart, LocalDate dueOn, boolean extended) {
        Transition(Status status, State s) {
            this(status, s.periodStart(), s.dueOn(), s.extended());
        }
    }

    /** An action that is not allowed from the current state (HTTP 409), or incomplete (HTTP 400). */
    public static final class IllegalTransition extends RuntimeException {
        private final boolean conflict;

        IllegalTransition(String frenchMessage, boolean conflict) {
            super(frenchMessage);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    private static final Set<Status> WORKING = EnumSet.of(Status.IN_PROGRESS, Status.EXTENDED);

    private RequestWorkflow() {
    }

    public static Transition apply(State s, Command c) {
        return switch (c.action()) {
            case START -> {
                require(s.status() == Status.RECEIVED, s, c);
                yield new Transition(Status.IN_PROGRESS, s);
            }
            case REQUEST_IDENTITY -> {
                require(s.status() == Status.RECEIVED || WORKING.contains(s.status()), s, c);
                needText(c.reason(), "Indiquez quelle information d'identité manque (reason).");
                yield new Transition(Status.AWAITING_IDENTITY, s);
            }
            case IDENTITY_RECEIVED -> {
                require(s.status() == Status.AWAITING_IDENTITY, s, c);
                int months = s.extended() ? DeadlineCalculator.EXTENDED : DeadlineCalculator.ONE_MONTH;
                yield new Transition(s.extended() ? Status.EXTENDED : Status.IN_PROGRESS, c.today(),
                        DeadlineCalculator.dueOn(c.today(), months, s.calendar()), s.extended());
            }
            case EXTEND -> {
                require(s.status() == Status.RECEIVED || s.status() == Status.IN_PROGRESS, s, c);
                if (s.extended()) {
                    throw new IllegalTransition("Le délai de cette demande a déjà été prolongé.", true);
                }
                if (c.today().isAfter(s.dueOn())) {
                    throw new IllegalTransition("La prolongation doit être décidée avant l'échéance du "
                            + s.dueOn().format(FRENCH_DAY) + " (article 12, paragraphe 3 du RGPD).", true);
                }
                needText(c.reason(), "La prolongation doit être motivée (reason).");
                LocalDate extendedDue = DeadlineCalculator.dueOn(s.periodStart(), DeadlineCalculator.EXTENDED, s.calendar());
                yield new Transition(Status.EXTENDED, s.periodStart(),
                        extendedDue.isBefore(s.dueOn()) ? s.dueOn() : extendedDue, true);
            }
            case ANSWER -> {
                require(WORKING.contains(s.status()), s, c);
                needText(c.answer(), "La réponse est obligatoire (answer).");
                yield new Transition(Status.ANSWERED, s);
            }
            case REFUSE -> {
                require(WORKING.contains(s.status()) || (s.status() == Status.AWAITING_IDENTITY
                        && c.ground() == RefusalGround.IDENTITY_NOT_ESTABLISHED), s, c);
                needText(c.reason(), "Un refus doit être motivé (reason).");
                if (c.ground() == null) {
                    throw new IllegalTransition("Indiquez le motif du refus (ground : MANIFESTLY_UNFOUNDED, EXCESSIVE, "
                            + "IDENTITY_NOT_ESTABLISHED ou OTHER).", false);
                }
                if ((c.ground() == RefusalGround.MANIFESTLY_UNFOUNDED || c.ground() == RefusalGround.EXCESSIVE)
                        && c.reason().strip().length() < 30) {
                    throw new IllegalTransition("Une demande manifestement infondée ou excessive doit être justifiée "
                            + "(article 12, paragraphe 5 du RGPD) : la justification est trop courte.", false);
                }
                yield new Transition(Status.REFUSED, s);
            }
            case CLOSE -> {
                require(s.status() == Status.ANSWERED || s.status() == Status.ANSWERED_NOT_APPLICABLE
                        || s.status() == Status.REFUSED, s, c);
                yield new Transition(Status.CLOSED, s);
            }
        };
    }

    /** A reason long enough for any action that needs one: to ask the workflow what it would allow. */
    private static final String TRIAL = "Raison suffisamment détaillée pour toute action qui en demande une.";

    /**
     * The actions the workflow allows now — what a DPO is offered; the others would be refused as a conflict. The
     * same rules as {@link #apply}: each action is tried with everything it needs.
     */
    public static Set<Action> allowed(State s, LocalDate today) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action a : Action.values()) {
            RefusalGround ground = s.status() == Status.AWAITING_IDENTITY ? RefusalGround.IDENTITY_NOT_ESTABLISHED
                    : RefusalGround.OTHER;
            try {
                apply(s, new Command(a, TRIAL, TRIAL, ground, today));
                allowed.add(a);
            } catch (IllegalTransition e) {
                // not now
            }
        }
        return allowed;
    }

    /**
     * Every step a DPO may take on a request: the status transitions ({@link Action}), the assignment to an agent
     * (no change of status, while the request is open), and the two steps of a limitation's lifting
     * ({@link LimitationLifecycle}).
     */
    public enum Step {
        START, REQUEST_IDENTITY, IDENTITY_RECEIVED, EXTEND, ANSWER, REFUSE, CLOSE, ASSIGN, NOTIFY_LIFT, LIFT,
        /** The DPO's decision on a duplicate or repetition flag ({@link Repetition}), with its reason. */
        REVIEW_FLAGS;

        /** The status transition this step is, if it is one. */
        public java.util.Optional<Action> transition() {
            return switch (this) {
                case ASSIGN, NOTIFY_LIFT, LIFT, REVIEW_FLAGS -> java.util.Optional.empty();
                default -> java.util.Optional.of(Action.valueOf(name()));
            };
        }
    }

    /** The steps offered now, in order: the legal transitions, assignment while open, the limitation's next step. */
    public static java.util.List<Step> offered(State s, LimitationLifecycle.State limitation, LocalDate today) {
        return offered(s, limitation, today, false);
    }

    /** The same, with the review of a duplicate or repetition flag while one is waiting for the DPO. */
    public static java.util.List<Step> offered(State s, LimitationLifecycle.State limitation, LocalDate today,
            boolean flagsToReview) {
        java.util.List<Step> steps = new java.util.ArrayList<>();
        allowed(s, today).forEach(a -> steps.add(Step.valueOf(a.name())));
        if (s.status().open()) {
            steps.add(Step.ASSIGN);
        }
        if (flagsToReview) {
            steps.add(Step.REVIEW_FLAGS);
        }
        if (limitation == LimitationLifecycle.State.APPLIED) {
            steps.add(Step.NOTIFY_LIFT);
        } else if (limitation == LimitationLifecycle.State.NOTICE_GIVEN) {
            steps.add(Step.LIFT);
        }
        return java.util.List.copyOf(steps);
    }

    /**
     * An event a step publishes on {@code rights.events}: its CloudEvent type, the code it carries (never a DPO's
     * free text), whether it names only the fiches where the right applied, and whether it lists the recipients to
     * inform (art. 19).
     */
    public record Emission(String type, String code, boolean applicableFichesOnly, boolean recipients) {
    }

    /**
     * What a step publishes. An accepted (answered) limitation holds from then on (retention-service stops the
     * deletions); an answered rectification, erasure or limitation is told to the recipients (art. 19); the lifting
     * of a limitation releases the hold; an assignment publishes nothing.
     */
    public static java.util.List<Emission> emissions(Step step, RightType right, RefusalGround ground) {
        return switch (step) {
            case EXTEND -> java.util.List.of(new Emission(
                    fr.assurancemaladie.rgpd.events.EventTypes.REQUEST_EXTENDED, "EXTENDED", false, false));
            case ANSWER -> {
                java.util.List<Emission> out = new java.util.ArrayList<>();
                out.add(new Emission(fr.assurancemaladie.rgpd.events.EventTypes.REQUEST_ANSWERED, null, false, false));
                if (right == RightType.LIMITATION) {
                    out.add(new Emission(fr.assurancemaladie.rgpd.events.EventTypes.LIMITATION_APPLIED, null, true,
                            false));
                }
                if (right.informsRecipients()) {
                    out.add(new Emission(fr.assurancemaladie.rgpd.events.EventTypes.RECIPIENTS_NOTIFY, null, true,
                            true));
                }
                yield java.util.List.copyOf(out);
            }
            case REFUSE -> java.util.List.of(new Emission(fr.assurancemaladie.rgpd.events.EventTypes.REQUEST_REFUSED,
                    "REFUSED:" + ground, false, false));
            case CLOSE -> java.util.List.of(new Emission(fr.assurancemaladie.rgpd.events.EventTypes.REQUEST_CLOSED,
                    null, false, false));
            case START, REQUEST_IDENTITY, IDENTITY_RECEIVED -> java.util.List.of(new Emission(
                    fr.assurancemaladie.rgpd.events.EventTypes.REQUEST_UPDATED, null, false, false));
            case NOTIFY_LIFT -> java.util.List.of(new Emission(
                    fr.assurancemaladie.rgpd.events.EventTypes.REQUEST_UPDATED, "LIFT_NOTICE_GIVEN", false, false));
            case LIFT -> java.util.List.of(new Emission(fr.assurancemaladie.rgpd.events.EventTypes.LIMITATION_LIFTED,
                    null, true, false));
            case ASSIGN, REVIEW_FLAGS -> java.util.List.of();
        };
    }

    private static void require(boolean allowed, State s, Command c) {
        if (!allowed) {
            throw new IllegalTransition("Action " + c.action() + " impossible pour une demande au statut " + s.status()
                    + " (" + STATUS_FR.get(s.status()) + ").", true);
        }
    }

    private static void needText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalTransition(message, false);
        }
    }
}
