package fr.assurancemaladie.rgpd.rights.request.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.rights.deadline.law.Departement;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Action;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Command;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.IllegalTransition;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.RefusalGround;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.State;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Status;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Transition;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RequestWorkflowTest {

    static final Departement PARIS = new Departement("75");
    static final LocalDate RECEIVED = LocalDate.of(2026, 1, 31);
    static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    static State state(Status status) {
        return new State(status, RECEIVED, DUE, false, PARIS);
    }

    static Command cmd(Action action, LocalDate today) {
        return new Command(action, null, null, null, today);
    }

    @Test
    void theUsualPath() {
        Transition t = RequestWorkflow.apply(state(Status.RECEIVED), cmd(Action.START, RECEIVED));
        assertEquals(Status.IN_PROGRESS, t.status());
        assertEquals(DUE, t.dueOn());
        t = RequestWorkflow.apply(state(Status.IN_PROGRESS), new Command(Action.ANSWER, null, "Voici vos données.", null, DUE));
        assertEquals(Status.ANSWERED, t.status());
        assertEquals(Status.CLOSED, RequestWorkflow.apply(state(Status.ANSWERED), cmd(Action.CLOSE, DUE)).status());
        assertEquals(Status.CLOSED, RequestWorkflow.apply(state(Status.ANSWERED_NOT_APPLICABLE), cmd(Action.CLOSE, DUE)).status());
    }

    @Test
    void extensionIsOnceBeforeTheDueDateWithReasonsAndCountsThreeMonthsFromReceipt() {
        Transition t = RequestWorkflow.apply(state(Status.IN_PROGRESS),
                new Command(Action.EXTEND, "Complexité : 14 traitements concernés", null, null, DUE));
        assertEquals(Status.EXTENDED, t.status());
        assertEquals(LocalDate.of(2026, 4, 30), t.dueOn(), "31 Jan + 3 months");
        assertTrue(t.extended());
        IllegalTransition late = assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(state(Status.IN_PROGRESS),
                new Command(Action.EXTEND, "raison", null, null, DUE.plusDays(1))));
        assertTrue(late.conflict());
        assertEquals("La prolongation doit être décidée avant l'échéance du lundi 2 mars 2026 (article 12, paragraphe 3 "
                + "du RGPD).", late.getMessage());
        IllegalTransition noReason = assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(state(Status.IN_PROGRESS),
                new Command(Action.EXTEND, " ", null, null, DUE)));
        assertFalse(noReason.conflict(), "a missing reason is a bad request, not a conflict");
        State extended = new State(Status.IN_PROGRESS, RECEIVED, LocalDate.of(2026, 4, 30), true, PARIS);
        assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(extended,
                new Command(Action.EXTEND, "encore", null, null, DUE)));
        assertEquals(Status.ANSWERED, RequestWorkflow.apply(new State(Status.EXTENDED, RECEIVED, LocalDate.of(2026, 4, 30),
                true, PARIS), new Command(Action.ANSWER, null, "réponse", null, DUE)).status());
    }

    @Test
    void waitingForIdentityStopsTheClockAndRestartsItFromTheDayTheInformationArrives() {
        Transition waiting = RequestWorkflow.apply(state(Status.RECEIVED),
                new Command(Action.REQUEST_IDENTITY, "Copie de la carte Vitale illisible", null, null, RECEIVED.plusDays(3)));
        assertEquals(Status.AWAITING_IDENTITY, waiting.status());
        State s = new State(Status.AWAITING_IDENTITY, RECEIVED, DUE, false, PARIS);
        Transition back = RequestWorkflow.apply(s, cmd(Action.IDENTITY_RECEIVED, LocalDate.of(2026, 4, 14)));
        assertEquals(Status.IN_PROGRESS, back.status());
        assertEquals(LocalDate.of(2026, 5, 15), back.dueOn(), "14 April + 1 month = 14 May, Ascension → Friday 15");
    }

    @Test
    void anExtensionAfterTheClockRestartedCountsFromThatDayNeverShortensAndComesOnce() {
        // received 5 Jan, identity information on 20 April: due 20 May; extended on 21 April → 20 July
        LocalDate received = LocalDate.of(2026, 1, 5);
        Transition back = RequestWorkflow.apply(new State(Status.AWAITING_IDENTITY, received, LocalDate.of(2026, 2, 5),
                false, PARIS), cmd(Action.IDENTITY_RECEIVED, LocalDate.of(2026, 4, 20)));
        assertEquals(LocalDate.of(2026, 4, 20), back.periodStart());
        assertEquals(LocalDate.of(2026, 5, 20), back.dueOn());
        Transition extended = RequestWorkflow.apply(new State(back.status(), back.periodStart(), back.dueOn(), false, PARIS),
                new Command(Action.EXTEND, "Complexité de la demande", null, null, LocalDate.of(2026, 4, 21)));
        assertEquals(LocalDate.of(2026, 7, 20), extended.dueOn());
        // waiting for identity again after the extension: when it arrives, three months run again, and no second extension
        Transition again = RequestWorkflow.apply(new State(Status.AWAITING_IDENTITY, extended.periodStart(),
                extended.dueOn(), true, PARIS), cmd(Action.IDENTITY_RECEIVED, LocalDate.of(2026, 5, 4)));
        assertTrue(again.extended());
        assertEquals(Status.EXTENDED, again.status());
        assertEquals(LocalDate.of(2026, 8, 4), again.dueOn());
        assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(new State(Status.IN_PROGRESS, again.periodStart(),
                again.dueOn(), true, PARIS), new Command(Action.EXTEND, "encore", null, null, LocalDate.of(2026, 5, 5))));
    }

    @Test
    void aRequestWhoseIdentityIsNeverEstablishedCanBeRefusedWhileWaiting() {
        State waiting = state(Status.AWAITING_IDENTITY);
        assertEquals(Status.REFUSED, RequestWorkflow.apply(waiting, new Command(Action.REFUSE,
                "Aucune réponse à notre demande de justificatif d'identité.", null, RefusalGround.IDENTITY_NOT_ESTABLISHED,
                DUE)).status());
        assertTrue(assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(waiting, new Command(Action.REFUSE,
                "Demande excessive, sans autre précision possible ici.", null, RefusalGround.EXCESSIVE, DUE))).conflict());
    }

    @Test
    void aRefusalNeedsItsReasonAndItsGround() {
        assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(state(Status.IN_PROGRESS),
                new Command(Action.REFUSE, null, null, RefusalGround.OTHER, DUE)));
        assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(state(Status.IN_PROGRESS),
                new Command(Action.REFUSE, "Demande répétée", null, null, DUE)));
        assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(state(Status.IN_PROGRESS),
                new Command(Action.REFUSE, "Trop", null, RefusalGround.EXCESSIVE, DUE)), "excessive needs its justification");
        assertEquals(Status.REFUSED, RequestWorkflow.apply(state(Status.IN_PROGRESS), new Command(Action.REFUSE,
                "Sixième demande identique en deux mois, la même réponse ayant été donnée à chaque fois.", null,
                RefusalGround.EXCESSIVE, DUE)).status());
    }

    @Test
    void illegalTransitionsAreConflicts() {
        Object[][] illegal = {
            {Status.RECEIVED, Action.ANSWER}, {Status.RECEIVED, Action.CLOSE}, {Status.IN_PROGRESS, Action.START},
            {Status.ANSWERED, Action.START}, {Status.CLOSED, Action.ANSWER}, {Status.CLOSED, Action.CLOSE},
            {Status.ANSWERED_NOT_APPLICABLE, Action.ANSWER}, {Status.REFUSED, Action.EXTEND},
            {Status.AWAITING_IDENTITY, Action.ANSWER}, {Status.IN_PROGRESS, Action.IDENTITY_RECEIVED},
            {Status.EXTENDED, Action.EXTEND},
        };
        for (Object[] c : illegal) {
            IllegalTransition e = assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(state((Status) c[0]),
                    new Command((Action) c[1], "raison suffisamment longue pour tout justifier", "réponse",
                            RefusalGround.OTHER, RECEIVED)), c[0] + " " + c[1]);
            assertTrue(e.conflict(), c[0] + " " + c[1]);
        }
        IllegalTransition closed = assertThrows(IllegalTransition.class, () -> RequestWorkflow.apply(
                state(Status.CLOSED), cmd(Action.ANSWER, RECEIVED)));
        assertEquals("Action ANSWER impossible pour une demande au statut CLOSED (close).", closed.getMessage());
    }

    @Test
    void onlyTheActionsTheWorkflowWouldAcceptAreOffered() {
        java.util.function.Function<Status, java.util.Set<Action>> allowed = status -> RequestWorkflow.allowed(
                new State(status, RECEIVED, DUE, false, PARIS), LocalDate.of(2026, 2, 10));
        assertEquals(java.util.EnumSet.of(Action.START, Action.REQUEST_IDENTITY, Action.EXTEND),
                allowed.apply(Status.RECEIVED));
        assertEquals(java.util.EnumSet.of(Action.REQUEST_IDENTITY, Action.EXTEND, Action.ANSWER, Action.REFUSE),
                allowed.apply(Status.IN_PROGRESS));
        assertEquals(java.util.EnumSet.of(Action.IDENTITY_RECEIVED, Action.REFUSE),
                allowed.apply(Status.AWAITING_IDENTITY));
        assertEquals(java.util.EnumSet.of(Action.CLOSE), allowed.apply(Status.ANSWERED));
        assertEquals(java.util.EnumSet.noneOf(Action.class), allowed.apply(Status.CLOSED));
        // extended already: no second extension
        assertEquals(java.util.EnumSet.of(Action.REQUEST_IDENTITY, Action.ANSWER, Action.REFUSE),
                RequestWorkflow.allowed(new State(Status.EXTENDED, RECEIVED, LocalDate.of(2026, 4, 30), true, PARIS),
                        LocalDate.of(2026, 2, 10)));
        // the due date has passed: an extension can no longer be decided
        assertEquals(java.util.EnumSet.of(Action.REQUEST_IDENTITY, Action.ANSWER, Action.REFUSE),
                RequestWorkflow.allowed(new State(Status.IN_PROGRESS, RECEIVED, DUE, false, PARIS),
                        LocalDate.of(2026, 3, 3)));
    }

    @Test
    void theStepsOfferedAddAssignmentWhileOpenAndTheLimitationsNextStep() {
        LocalDate today = LocalDate.of(2026, 2, 10);
        assertEquals(java.util.List.of(RequestWorkflow.Step.START, RequestWorkflow.Step.REQUEST_IDENTITY,
                RequestWorkflow.Step.EXTEND, RequestWorkflow.Step.ASSIGN),
                RequestWorkflow.offered(state(Status.RECEIVED), null, today));
        assertEquals(java.util.List.of(RequestWorkflow.Step.CLOSE, RequestWorkflow.Step.NOTIFY_LIFT),
                RequestWorkflow.offered(state(Status.ANSWERED), LimitationLifecycle.State.APPLIED, today));
        assertEquals(java.util.List.of(RequestWorkflow.Step.LIFT),
                RequestWorkflow.offered(state(Status.CLOSED), LimitationLifecycle.State.NOTICE_GIVEN, today));
        assertEquals(java.util.List.of(), RequestWorkflow.offered(state(Status.CLOSED), LimitationLifecycle.State.LIFTED,
                today));
    }

    @Test
    void eachStepPublishesWhatTheLawSays() {
        java.util.function.Function<RequestWorkflow.Step, java.util.List<String>> types = step -> RequestWorkflow
                .emissions(step, RightType.ACCESS, null).stream().map(RequestWorkflow.Emission::type).toList();
        assertEquals(java.util.List.of("fr.assurancemaladie.rights.request.updated"), types.apply(RequestWorkflow.Step.START));
        assertEquals(java.util.List.of(), types.apply(RequestWorkflow.Step.ASSIGN), "an assignment publishes nothing");
        RequestWorkflow.Emission extended = RequestWorkflow.emissions(RequestWorkflow.Step.EXTEND, RightType.ACCESS, null)
                .get(0);
        assertEquals("EXTENDED", extended.code(), "a code, never the DPO's reasons");
        assertEquals("REFUSED:EXCESSIVE", RequestWorkflow.emissions(RequestWorkflow.Step.REFUSE, RightType.ERASURE,
                RefusalGround.EXCESSIVE).get(0).code());
        // an accepted limitation holds the deletions and is told to the recipients (art. 19), fiches where it applies
        java.util.List<RequestWorkflow.Emission> limitation = RequestWorkflow.emissions(RequestWorkflow.Step.ANSWER,
                RightType.LIMITATION, null);
        assertEquals(java.util.List.of("fr.assurancemaladie.rights.request.answered",
                "fr.assurancemaladie.rights.limitation.applied", "fr.assurancemaladie.rights.recipients.notify"),
                limitation.stream().map(RequestWorkflow.Emission::type).toList());
        assertTrue(limitation.get(1).applicableFichesOnly());
        assertTrue(limitation.get(2).recipients());
        assertEquals(2, RequestWorkflow.emissions(RequestWorkflow.Step.ANSWER, RightType.RECTIFICATION, null).size());
        assertEquals(1, RequestWorkflow.emissions(RequestWorkflow.Step.ANSWER, RightType.ACCESS, null).size(),
                "an access answer informs no recipient");
        assertEquals("fr.assurancemaladie.rights.limitation.lifted", RequestWorkflow.emissions(
                RequestWorkflow.Step.LIFT, RightType.LIMITATION, null).get(0).type());
    }
}
