package fr.assurancemaladie.rgpd.rights.request.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.IllegalTransition;
import fr.assurancemaladie.rgpd.rights.request.law.LimitationLifecycle.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LimitationLifecycleTest {

    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void liftingNeedsAPriorNotice() {
        IllegalTransition e = assertThrows(IllegalTransition.class, () -> LimitationLifecycle.lift(State.APPLIED, null, T));
        assertTrue(e.conflict());
        assertTrue(e.getMessage().contains("article 18"));
        assertEquals(State.NOTICE_GIVEN, LimitationLifecycle.notice(State.APPLIED, "La vérification est terminée."));
        assertEquals(State.LIFTED, LimitationLifecycle.lift(State.NOTICE_GIVEN, T, T.plusSeconds(60)));
        assertThrows(IllegalTransition.class, () -> LimitationLifecycle.lift(State.NOTICE_GIVEN, T, T.minusSeconds(1)));
    }

    @Test
    void aNoticeNeedsItsTextAndAnAppliedLimitation() {
        assertFalse(assertThrows(IllegalTransition.class, () -> LimitationLifecycle.notice(State.APPLIED, " ")).conflict());
        assertTrue(assertThrows(IllegalTransition.class, () -> LimitationLifecycle.notice(State.LIFTED, "x")).conflict());
        assertTrue(assertThrows(IllegalTransition.class, () -> LimitationLifecycle.notice(State.NOTICE_GIVEN, "x")).conflict());
        assertTrue(assertThrows(IllegalTransition.class, () -> LimitationLifecycle.lift(State.LIFTED, T, T)).conflict());
    }
}
