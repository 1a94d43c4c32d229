package fr.assurancemaladie.rgpd.rights.request.law;

import java.time.Instant;

/**
 * A limitation of processing (GDPR art. 18), once a LIMITATION request is accepted: APPLIED → NOTICE_GIVEN (the
 * person is told the limitation will be lifted, art. 18(3)) → LIFTED. Lifting without a prior notice is refused
 * ({@link RequestWorkflow.IllegalTransition}, as every refused step of a request).
 * Pure Java.
 */
public final class LimitationLifecycle {

    public enum State { APPLIED, NOTICE_GIVEN, LIFTED }

    private LimitationLifecycle() {
    }

    /** Telling the person the limitation will be lifted, and why. */
    public static State notice(State current, String notice) {
        if (current != State.APPLIED) {
            throw new RequestWorkflow.IllegalTransition("Aucune limitation en cours à lever pour cette demande.", true);
        }
        if (notice == null || notice.isBlank()) {
            throw new RequestWorkflow.IllegalTransition("Indiquez l'information donnée à la personne avant la levée (reason).", false);
        }
        return State.NOTICE_GIVEN;
    }

    /** Lifting: only after the notice, and not before it (art. 18(3)). */
    public static State lift(State current, Instant noticeAt, Instant now) {
        if (current == State.APPLIED) {
            throw new RequestWorkflow.IllegalTransition("La personne doit être informée avant la levée de la limitation (article 18, paragraphe 3 "
                    + "du RGPD) : utilisez d'abord l'action NOTIFY_LIFT.", true);
        }
        if (current != State.NOTICE_GIVEN || noticeAt == null) {
            throw new RequestWorkflow.IllegalTransition("Aucune limitation en cours à lever pour cette demande.", true);
        }
        if (now.isBefore(noticeAt)) {
            throw new RequestWorkflow.IllegalTransition("La levée ne peut précéder l'information de la personne.", true);
        }
        return State.LIFTED;
    }
}
