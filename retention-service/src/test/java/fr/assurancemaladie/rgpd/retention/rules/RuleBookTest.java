package fr.assurancemaladie.rgpd.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import fr.assurancemaladie.rgpd.projection.FicheContract;
import fr.assurancemaladie.rgpd.retention.rules.RuleBook.RuleRef;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    /** The projection's reader of register.fiches (tolerant: an unknown enum value reads as null). */
    static final FicheContract CONTRACT = new FicheContract(new ObjectMapper().findAndRegisterModules());

    static final RuleBook BOOK = new RuleBook(1, List.of(
            new RuleRef(1, 1, 0, "3 ans après la fin de validité des droits",
                    new Rule("P3Y", RetentionTrigger.RIGHTS_END, Fate.DESTRUCTION, false, RuleStatus.STRUCTURED)),
            new RuleRef(2, 1, 0, "5 ans après la fin de validité des droits ou jusqu'à décision définitive",
                    new Rule("P5Y", RetentionTrigger.RIGHTS_END, Fate.DESTRUCTION, true, RuleStatus.STRUCTURED)),
            new RuleRef(2, 1, 1, "20 ans après le décès", new Rule("P20Y", RetentionTrigger.DEATH, Fate.ARCHIVE, false, RuleStatus.STRUCTURED)),
            new RuleRef(3, 1, 0, "jusqu'à la décision définitive", new Rule(null, RetentionTrigger.FINAL_DECISION, null, false,
                    RuleStatus.PARTIAL))));

    @Test
    void anEventNamingNoFicheMatchesEveryRuleOnItsTrigger() {
        List<RuleRef> rules = BOOK.matching(RetentionTrigger.RIGHTS_END, null);
        assertEquals(List.of(1, 2), rules.stream().map(RuleRef::ficheNumber).toList());
        assertEquals(rules, BOOK.matching(RetentionTrigger.RIGHTS_END, List.of()));
    }

    @Test
    void anEventNamingFichesMatchesThoseOnly() {
        assertEquals(List.of(1), BOOK.matching(RetentionTrigger.RIGHTS_END, List.of(1, 44)).stream().map(RuleRef::ficheNumber)
                .toList());
        assertTrue(BOOK.matching(RetentionTrigger.DEATH, List.of(1)).isEmpty());
        assertEquals("P20Y", BOOK.matching(RetentionTrigger.DEATH, null).get(0).rule().duration());
    }

    @Test
    void rulesThatCannotBeExecutedAreNotInTheBook() {
        assertTrue(BOOK.matching(RetentionTrigger.FINAL_DECISION, null).isEmpty());
        assertEquals(3, BOOK.size());
    }

    @Test
    void aFicheIsReadAsTheRegisterPublishesIt() throws Exception {
        var fiche = CONTRACT.read(new ObjectMapper().readTree("""
                {"number": 2, "version": 4, "retentionRules": [
                  {"text": "5 ans après la fin de validité des droits", "duration": "P5Y", "trigger": "RIGHTS_END",
                   "fate": "DESTRUCTION", "untilFinalDecisionIfLitigation": true, "scope": null, "status": "STRUCTURED"},
                  {"text": "Durée non précisée", "duration": null, "trigger": null, "fate": null,
                   "untilFinalDecisionIfLitigation": false, "status": "UNSTRUCTURED"},
                  {"text": "bizarre", "duration": "P1Y", "trigger": "DEATH", "fate": "SHREDDING", "status": "STRUCTURED"}
                ]}"""));
        List<FicheRules.Item> items = FicheRules.of(fiche);
        assertEquals(3, items.size());
        assertEquals(new Rule("P5Y", RetentionTrigger.RIGHTS_END, Fate.DESTRUCTION, true, RuleStatus.STRUCTURED), items.get(0).rule());
        assertTrue(items.get(0).rule().executable());
        assertEquals(false, items.get(1).rule().executable());
        assertEquals(false, items.get(2).rule().executable(), "an unknown fate is never executed");
        assertTrue(FicheRules.of(CONTRACT.read(new ObjectMapper().readTree("{\"number\": 9}"))).isEmpty());
    }
}
