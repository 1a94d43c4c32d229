package fr.assurancemaladie.rgpd.retention.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.retention.schedule.RetentionLaw.Decision;
import fr.assurancemaladie.rgpd.retention.schedule.RetentionLaw.Hold;
import fr.assurancemaladie.rgpd.retention.schedule.RetentionLaw.HoldKind;
import fr.assurancemaladie.rgpd.retention.schedule.RetentionLaw.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionLawTest {

    /** Fiche 1: "3 ans après la fin de validité des droits". */
    static final Rule FICHE_1 = new Rule("P3Y", "RIGHTS_END", "DESTRUCTION", false, "STRUCTURED");
    /** Fiche 2: "5 ans après la fin de validité des droits ou jusqu'à … décision définitive en cas de contentieux". */
    static final Rule FICHE_2 = new Rule("P5Y", "RIGHTS_END", "DESTRUCTION", true, "STRUCTURED");

    @Test
    void rightsEndOnFicheOneIsDueThreeYearsLater() {
        assertEquals(Optional.of(LocalDate.of(2029, 1, 15)), RetentionLaw.dueOn(FICHE_1, LocalDate.of(2026, 1, 15)));
        assertEquals(Optional.of(LocalDate.of(2029, 2, 28)), RetentionLaw.dueOn(new Rule("P1Y", "DEATH", "DESTRUCTION",
                false, "STRUCTURED"), LocalDate.of(2028, 2, 29)), "a year after 29 February is the 28th");
        assertEquals(Optional.of(LocalDate.of(2026, 1, 15)), RetentionLaw.dueOn(new Rule("P0D", "OBLIGATION_END",
                "DESTRUCTION", false, "STRUCTURED"), LocalDate.of(2026, 1, 15)), "until the event");
    }

    @Test
    void onlyStructuredOrImplicitRulesWithADurationAreExecuted() {
        assertTrue(new Rule("P6M", "COLLECTION", "DESTRUCTION", false, "IMPLICIT_TRIGGER").executable());
        assertFalse(new Rule("P10Y", null, null, false, "PARTIAL").executable());
        assertFalse(new Rule(null, "FINAL_DECISION", null, false, "PARTIAL").executable());
        assertFalse(new Rule(null, null, null, false, "UNSTRUCTURED").executable());
        assertFalse(new Rule("3 ans", "RIGHTS_END", null, false, "STRUCTURED").executable(), "not ISO-8601");
        assertEquals(Optional.empty(), RetentionLaw.dueOn(new Rule("P10Y", null, null, false, "PARTIAL"), LocalDate.now()));
    }

    @Test
    void aPeriodNoRegisterCouldMeanIsNeverExecuted() {
        assertTrue(new Rule("P150Y", "DEATH", "DESTRUCTION", false, "STRUCTURED").executable());
        assertFalse(new Rule("P151Y", "DEATH", "DESTRUCTION", false, "STRUCTURED").executable());
        assertFalse(new Rule("P999999999Y", "DEATH", "DESTRUCTION", false, "STRUCTURED").executable(),
                "would overflow the calendar: LocalDate.plus throws");
        assertFalse(new Rule("P99999999D", "DEATH", "DESTRUCTION", false, "STRUCTURED").executable());
        assertEquals(Optional.empty(), RetentionLaw.dueOn(new Rule("P999999999Y", "DEATH", "DESTRUCTION", false,
                "STRUCTURED"), LocalDate.of(2026, 1, 15)));
    }

    @Test
    void aLimitationAppliedBeforeTheDueDateHoldsTheOrderUntilLifted() {
        LocalDate due = LocalDate.of(2029, 1, 15);
        Hold limitation = new Hold(HoldKind.LIMITATION, LocalDate.of(2028, 6, 1), null);
        assertEquals(Decision.NOT_DUE, RetentionLaw.decide(FICHE_1, due, List.of(limitation), LocalDate.of(2029, 1, 14)));
        assertEquals(Decision.HELD, RetentionLaw.decide(FICHE_1, due, List.of(limitation), LocalDate.of(2029, 2, 1)));
        Hold lifted = new Hold(HoldKind.LIMITATION, LocalDate.of(2028, 6, 1), LocalDate.of(2029, 3, 1));
        assertEquals(Decision.HELD, RetentionLaw.decide(FICHE_1, due, List.of(lifted), LocalDate.of(2029, 2, 28)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(FICHE_1, due, List.of(lifted), LocalDate.of(2029, 3, 1)),
                "the next sweep after the lifting orders it");
    }

    @Test
    void aLitigationMovesARuleKeptUntilTheFinalDecisionToTheLaterDate() {
        LocalDate own = LocalDate.of(2031, 1, 15);
        Hold open = new Hold(HoldKind.LITIGATION, LocalDate.of(2030, 5, 1), null);
        assertEquals(Optional.empty(), RetentionLaw.effectiveDue(FICHE_2, own, List.of(open)), "no date while open");
        assertEquals(Decision.HELD, RetentionLaw.decide(FICHE_2, own, List.of(open), LocalDate.of(2032, 1, 1)));
        Hold closedLate = new Hold(HoldKind.LITIGATION, LocalDate.of(2030, 5, 1), LocalDate.of(2033, 9, 30));
        assertEquals(Optional.of(LocalDate.of(2033, 9, 30)), RetentionLaw.effectiveDue(FICHE_2, own, List.of(closedLate)));
        assertEquals(Decision.NOT_DUE, RetentionLaw.decide(FICHE_2, own, List.of(closedLate), LocalDate.of(2032, 1, 1)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(FICHE_2, own, List.of(closedLate), LocalDate.of(2033, 9, 30)));
        Hold closedEarly = new Hold(HoldKind.LITIGATION, LocalDate.of(2028, 5, 1), LocalDate.of(2029, 1, 1));
        assertEquals(Optional.of(own), RetentionLaw.effectiveDue(FICHE_2, own, List.of(closedEarly)), "the later date");
        // a rule without the clause keeps its date, but an open litigation still holds the order
        assertEquals(Decision.HELD, RetentionLaw.decide(FICHE_1, LocalDate.of(2029, 1, 15), List.of(open),
                LocalDate.of(2031, 1, 1)));
    }

    @Test
    void aManualHoldBlocksUntilReleased() {
        LocalDate due = LocalDate.of(2029, 1, 15);
        Hold manual = new Hold(HoldKind.MANUAL, LocalDate.of(2029, 1, 10), LocalDate.of(2029, 4, 1));
        assertEquals(Decision.HELD, RetentionLaw.decide(FICHE_1, due, List.of(manual), LocalDate.of(2029, 3, 31)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(FICHE_1, due, List.of(manual), LocalDate.of(2029, 4, 1)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(FICHE_1, due, List.of(), due));
    }
}
