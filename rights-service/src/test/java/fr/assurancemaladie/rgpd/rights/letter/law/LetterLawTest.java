package fr.assurancemaladie.rgpd.rights.letter.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Step;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterLawTest {

    @Test
    void aSubmissionIsAcknowledgedOrAnsweredAtOnce() {
        assertEquals(List.of(LetterKind.ACKNOWLEDGEMENT), LetterLaw.onSubmission(true));
        assertEquals(List.of(LetterKind.NOT_APPLICABLE), LetterLaw.onSubmission(false));
    }

    @Test
    void eachStepTellsWhatTheLawRequires() {
        assertEquals(List.of(LetterKind.IDENTITY_REQUEST), LetterLaw.onStep(Step.REQUEST_IDENTITY, RightType.ACCESS));
        assertEquals(List.of(LetterKind.EXTENSION_NOTICE), LetterLaw.onStep(Step.EXTEND, RightType.ACCESS));
        assertEquals(List.of(LetterKind.REFUSAL), LetterLaw.onStep(Step.REFUSE, RightType.ERASURE));
        assertEquals(List.of(LetterKind.LIFT_NOTICE), LetterLaw.onStep(Step.NOTIFY_LIFT, RightType.LIMITATION));
        assertEquals(List.of(LetterKind.ANSWER), LetterLaw.onStep(Step.ANSWER, RightType.ACCESS));
        assertEquals(List.of(LetterKind.ANSWER), LetterLaw.onStep(Step.ANSWER, RightType.OBJECTION));
        // art. 19: the recipients told of a rectification, an erasure or a limitation
        for (RightType r : List.of(RightType.RECTIFICATION, RightType.ERASURE, RightType.LIMITATION)) {
            assertEquals(List.of(LetterKind.ANSWER, LetterKind.RECIPIENTS_STATEMENT), LetterLaw.onStep(Step.ANSWER, r));
        }
        for (Step silent : List.of(Step.START, Step.IDENTITY_RECEIVED, Step.ASSIGN, Step.CLOSE, Step.LIFT)) {
            assertTrue(LetterLaw.onStep(silent, RightType.ACCESS).isEmpty(), silent.name());
        }
    }

    @Test
    void everyLetterToThePersonFollowsFromSomeEvent() {
        java.util.Set<LetterKind> reachable = java.util.EnumSet.noneOf(LetterKind.class);
        reachable.addAll(LetterLaw.onSubmission(true));
        reachable.addAll(LetterLaw.onSubmission(false));
        for (Step s : Step.values()) {
            for (RightType r : RightType.values()) {
                reachable.addAll(LetterLaw.onStep(s, r));
            }
        }
        for (LetterKind k : LetterKind.values()) {
            assertEquals(k.toPerson(), reachable.contains(k), k.name());
        }
    }

    @Test
    void anExtensionNoticeIsInTimeUntilTheFirstDueDateIncluded() {
        LocalDate due = LocalDate.of(2026, 12, 28);
        assertTrue(LetterLaw.extensionNoticeInTime(due.minusDays(1), due));
        assertTrue(LetterLaw.extensionNoticeInTime(due, due));
        assertFalse(LetterLaw.extensionNoticeInTime(due.plusDays(1), due));
    }

    @Test
    void theDigestHoldsTheLateAndTheNextSevenDays() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertTrue(LetterLaw.inDigest(today.minusDays(30), today));
        assertTrue(LetterLaw.inDigest(today, today));
        assertTrue(LetterLaw.inDigest(today.plusDays(7), today));
        assertFalse(LetterLaw.inDigest(today.plusDays(8), today));
    }

    @Test
    void theRemediesNameTheCnilAndTheCourts() {
        assertTrue(LetterLaw.CNIL_ROUTE.contains("www.cnil.fr/fr/plaintes"));
        assertTrue(LetterLaw.CNIL_ROUTE.contains("article 77"));
        assertTrue(LetterLaw.COURT_ROUTE.contains("article 79"));
    }
}
