package fr.assurancemaladie.rgpd.retention.schedule.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Decision;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Hold;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Rule;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Schedule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetentionLawTest {

    /** Fiche 1: "3 ans après la fin de validité des droits". */
    static final Rule FICHE_1 = new Rule("P3Y", RetentionTrigger.RIGHTS_END, Fate.DESTRUCTION, false, RuleStatus.STRUCTURED);
    static final String CAISSE = "CPAM-75";

    static Stream<RetentionCases.Case> cases() {
        return RetentionCases.all().stream();
    }

    /** The shared table through the Java rule (the same table runs through PostgreSQL in RetentionCasesInDatabaseTest). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTableOfCases(RetentionCases.Case c) {
        Rule rule = new Rule(c.duration(), RetentionTrigger.RIGHTS_END, Fate.DESTRUCTION, c.untilFinal(), RuleStatus.STRUCTURED);
        LocalDate ruleDue = RetentionLaw.dueOn(rule, c.triggerDate()).orElseThrow();
        assertEquals(c.ruleDue(), ruleDue, "rule's own due date");
        Schedule s = new Schedule(c.fiche(), RetentionCases.CAISSE, ruleDue, c.untilFinal());
        List<Hold> holds = c.holds().stream().map(RetentionCases.H::law).toList();
        assertEquals(c.due(), RetentionLaw.dueOn(s, holds), "due date with the litigation clause");
        assertEquals(c.decision(), RetentionLaw.decide(s, holds, c.today()));
    }

    @Test
    void rightsEndOnFicheOneIsDueThreeYearsLater() {
        assertEquals(Optional.of(LocalDate.of(2029, 1, 15)), RetentionLaw.dueOn(FICHE_1, LocalDate.of(2026, 1, 15)));
        assertEquals(Optional.of(LocalDate.of(2029, 2, 28)), RetentionLaw.dueOn(new Rule("P1Y", RetentionTrigger.DEATH, Fate.DESTRUCTION,
                false, RuleStatus.STRUCTURED), LocalDate.of(2028, 2, 29)), "a year after 29 February is the 28th");
        assertEquals(Optional.of(LocalDate.of(2026, 1, 15)), RetentionLaw.dueOn(new Rule("P0D", RetentionTrigger.OBLIGATION_END,
                Fate.DESTRUCTION, false, RuleStatus.STRUCTURED), LocalDate.of(2026, 1, 15)), "until the event");
    }

    @Test
    void onlyStructuredOrImplicitRulesWithADurationAreExecuted() {
        assertTrue(new Rule("P6M", RetentionTrigger.COLLECTION, Fate.DESTRUCTION, false, RuleStatus.IMPLICIT_TRIGGER).executable());
        assertFalse(new Rule("P10Y", null, null, false, RuleStatus.PARTIAL).executable());
        assertFalse(new Rule(null, RetentionTrigger.FINAL_DECISION, null, false, RuleStatus.PARTIAL).executable());
        assertFalse(new Rule(null, null, null, false, RuleStatus.UNSTRUCTURED).executable());
        assertFalse(new Rule("3 ans", RetentionTrigger.RIGHTS_END, null, false, RuleStatus.STRUCTURED).executable(), "not ISO-8601");
        assertEquals(Optional.empty(), RetentionLaw.dueOn(new Rule("P10Y", null, null, false, RuleStatus.PARTIAL), LocalDate.now()));
    }

    @Test
    void aPeriodNoRegisterCouldMeanIsNeverExecuted() {
        assertTrue(new Rule("P150Y", RetentionTrigger.DEATH, Fate.DESTRUCTION, false, RuleStatus.STRUCTURED).executable());
        assertFalse(new Rule("P151Y", RetentionTrigger.DEATH, Fate.DESTRUCTION, false, RuleStatus.STRUCTURED).executable());
        assertFalse(new Rule("P999999999Y", RetentionTrigger.DEATH, Fate.DESTRUCTION, false, RuleStatus.STRUCTURED).executable(),
                "would overflow the calendar: LocalDate.plus throws");
        assertFalse(new Rule("P99999999D", RetentionTrigger.DEATH, Fate.DESTRUCTION, false, RuleStatus.STRUCTURED).executable());
        assertEquals(Optional.empty(), RetentionLaw.dueOn(new Rule("P999999999Y", RetentionTrigger.DEATH, Fate.DESTRUCTION, false,
                RuleStatus.STRUCTURED), LocalDate.of(2026, 1, 15)));
    }

    @Test
    void aLimitationAppliedBeforeTheDueDateHoldsTheOrderUntilLifted() {
        Schedule s = new Schedule(1, CAISSE, LocalDate.of(2029, 1, 15), false);
        Hold limitation = new Hold(HoldKind.LIMITATION, null, CAISSE, LocalDate.of(2028, 6, 1), null);
        assertEquals(Decision.NOT_DUE, RetentionLaw.decide(s, List.of(limitation), LocalDate.of(2029, 1, 14)));
        assertEquals(Decision.HELD, RetentionLaw.decide(s, List.of(limitation), LocalDate.of(2029, 2, 1)));
        Hold lifted = new Hold(HoldKind.LIMITATION, null, CAISSE, LocalDate.of(2028, 6, 1), LocalDate.of(2029, 3, 1));
        assertEquals(Decision.HELD, RetentionLaw.decide(s, List.of(lifted), LocalDate.of(2029, 2, 28)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(s, List.of(lifted), LocalDate.of(2029, 3, 1)),
                "the next sweep after the lifting orders it");
    }

    @Test
    void aLitigationMovesARuleKeptUntilTheFinalDecisionToTheLaterDate() {
        Schedule fiche2 = new Schedule(2, CAISSE, LocalDate.of(2031, 1, 15), true);
        Hold open = new Hold(HoldKind.LITIGATION, null, CAISSE, LocalDate.of(2030, 5, 1), null);
        // an open litigation states no later date: the hold holds the order while it lasts
        assertEquals(fiche2.ruleDue(), RetentionLaw.dueOn(fiche2, List.of(open)));
        assertEquals(Decision.HELD, RetentionLaw.decide(fiche2, List.of(open), LocalDate.of(2032, 1, 1)));
        Hold closedLate = new Hold(HoldKind.LITIGATION, null, CAISSE, LocalDate.of(2030, 5, 1), LocalDate.of(2033, 9, 30));
        assertEquals(LocalDate.of(2033, 9, 30), RetentionLaw.dueOn(fiche2, List.of(closedLate)));
        assertEquals(Decision.NOT_DUE, RetentionLaw.decide(fiche2, List.of(closedLate), LocalDate.of(2032, 1, 1)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(fiche2, List.of(closedLate), LocalDate.of(2033, 9, 30)));
        Hold closedEarly = new Hold(HoldKind.LITIGATION, null, CAISSE, LocalDate.of(2028, 5, 1), LocalDate.of(2029, 1, 1));
        assertEquals(fiche2.ruleDue(), RetentionLaw.dueOn(fiche2, List.of(closedEarly)), "the later date");
        // a rule without the clause keeps its date, but an open litigation still holds the order
        Schedule fiche1 = new Schedule(1, CAISSE, LocalDate.of(2029, 1, 15), false);
        assertEquals(Decision.HELD, RetentionLaw.decide(fiche1, List.of(open), LocalDate.of(2031, 1, 1)));
    }

    @Test
    void aManualHoldBlocksUntilReleased() {
        Schedule s = new Schedule(1, CAISSE, LocalDate.of(2029, 1, 15), false);
        Hold manual = new Hold(HoldKind.MANUAL, null, CAISSE, LocalDate.of(2029, 1, 10), LocalDate.of(2029, 4, 1));
        assertEquals(Decision.HELD, RetentionLaw.decide(s, List.of(manual), LocalDate.of(2029, 3, 31)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(s, List.of(manual), LocalDate.of(2029, 4, 1)));
        assertEquals(Decision.ORDER, RetentionLaw.decide(s, List.of(), s.ruleDue()));
    }
}
