package fr.assurancemaladie.rgpd.register.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import java.io.InputStream;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seventeen fiches checked by hand against the document, by someone who read it without the parser
 * ({@code handcheck/expected-fiches.json}: titles, domains, articles, list sizes, objection cell, what the fiche
 * states about each right, retention rules). Where our reading differs on purpose, the difference is listed in
 * {@link #DELIBERATE} with its reason, and the test checks that it is exactly that difference.
 */
class HandCheckedFichesTest {

    /** "fiche/field" → why our value differs from the hand-checker's, and our value. */
    record Deliberate(Object ours, String why) {
    }

    static final Map<String, Deliberate> DELIBERATE = Map.ofEntries(
            Map.entry("58/stated.objection", new Deliberate(false, "the cell starts by excluding objection ('Pas de "
                    + "droit d'opposition pour le patient 0') and then names exceptions: stated false, applies true "
                    + "(a DPO examines the request against the quoted exceptions)")),
            Map.entry("83/stated.objection", new Deliberate(false, "the rights cell says objection 's'exerce' but the "
                    + "objection cell gives 'Obligation légale': the specific justification wins")),
            Map.entry("25/retention[2]", new Deliberate("P3Y PRACTICE_END", "'inactivité d'un professionnel' is the "
                    + "end of practice in the trigger vocabulary (PRACTICE_END: fin d'exercice ou inactivité du "
                    + "professionnel), not a last activity of the insured")),
            Map.entry("25/retention[4]", new Deliberate("P5Y LAST_CONTACT", "'à compter de la dernière proposition "
                    + "d'adhésion ou de la sortie du programme': two alternative starts, the first named is kept")),
            Map.entry("33/retention[2]", new Deliberate("null PREVIOUS_PERIOD_END", "intermediate archiving with no "
                    + "length: it follows the previous period, and the rule is PARTIAL (flagged for review)")),
            Map.entry("33/retention[0]", new Deliberate("P0D RIGHTS_END", "'le temps de son affiliation': the "
                    + "affiliation ends when the person's rights end (survey judgement call)")));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> eachHandCheckedFicheMatches() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/handcheck/expected-fiches.json")) {
            expected = JSON.readTree(in);
        }
        assertTrue(expected.size() >= 15, "at least 15 fiches hand-checked");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode e : expected) {
            int n = e.get("number").asInt();
            tests.add(DynamicTest.dynamicTest("fiche " + n, () -> check(e, SeedDocument.fiche(n))));
        }
        return tests.stream();
    }

    private static void check(JsonNode e, Fiche f) {
        int n = f.number();
        assertEquals(text(e, "domainCode"), f.domainCode(), n + " domainCode");
        assertEquals(text(e, "domain"), f.domain(), n + " domain");
        assertEquals(text(e, "title"), f.title(), n + " title");
        assertEquals(e.get("subPurposeCount").asInt(), f.subPurposes().size(), n + " sub-purposes");
        assertEquals(text(e, "firstSubPurpose"), f.subPurposes().get(0), n + " first sub-purpose");
        assertEquals(text(e, "lastSubPurpose"), f.subPurposes().get(f.subPurposes().size() - 1), n + " last sub-purpose");
        List<String> articles = new ArrayList<>();
        e.get("gdprArticles").forEach(a -> articles.add(a.asText()));
        assertEquals(articles.stream().sorted().toList(), f.gdprArticles(), n + " GDPR articles");
        assertEquals(e.get("legalBaseCount").asInt(), f.legalBases().size(), n + " legal bases");
        assertEquals(e.get("dataSubjectCategoryCount").asInt(), f.dataSubjectCategories().size(), n + " people");
        assertEquals(e.get("recipientCount").asInt(), f.recipients().size(), n + " recipients");
        assertEquals(e.get("accessorCount").asInt(), f.accessors().size(), n + " accessors");
        assertEquals(e.get("securityMeasureCount").asInt(), f.securityMeasures().size(), n + " security measures");
        assertEquals(text(e, "objectionCell"), f.objectionExclusionReason(), n + " objection cell");
        for (Right r : Right.values()) {
            JsonNode s = e.get("stated").get(r.field());
            Boolean expectedStated = s == null || s.isNull() ? null : s.asBoolean();
            RightDecision d = f.rights().get(r);
            String key = n + "/stated." + r.field();
            Deliberate deliberate = DELIBERATE.get(key);
            if (deliberate != null) {
                assertEquals(deliberate.ours(), d.stated(), key + ": " + deliberate.why());
            } else {
                assertEquals(expectedStated, d.stated(), key);
            }
        }
        JsonNode rules = e.get("retention");
        assertEquals(rules.size(), f.retentionRules().size(), n + " retention rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode x = rules.get(i);
            RetentionRule r = f.retentionRules().get(i);
            String key = n + "/retention[" + i + "]";
            assertTrue(r.text().startsWith(x.get("text").asText()), key + " text: " + r.text());
            Deliberate deliberate = DELIBERATE.get(key);
            if (deliberate != null) {
                assertEquals(deliberate.ours(), r.duration() + " " + r.trigger(), key + ": " + deliberate.why());
                continue;
            }
            assertTrue(sameDuration(text(x, "duration"), r.duration()), key + " duration " + r.duration() + " ≠ " + x.get("duration"));
            assertEquals(text(x, "trigger"), r.trigger() == null ? null : r.trigger().name(), key + " trigger");
            assertEquals(x.get("untilFinalDecisionIfLitigation").asBoolean(), r.untilFinalDecisionIfLitigation(), key + " litigation");
        }
    }

    /** P12M = P1Y: the hand-check keeps the printed unit. */
    static boolean sameDuration(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        Period pa = Period.parse(a);
        Period pb = Period.parse(b);
        return pa.toTotalMonths() == pb.toTotalMonths() && pa.getDays() == pb.getDays();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
