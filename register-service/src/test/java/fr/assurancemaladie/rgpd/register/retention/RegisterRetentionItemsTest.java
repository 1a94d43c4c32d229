package fr.assurancemaladie.rgpd.register.retention;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every retention item of the official register (171 {@code <li>} of 87 fiches), with hand-checked expectations
 * ({@code retention-items.tsv}, generated from the survey's manual classification by {@code tools/gen_tsv.py};
 * lines whose note starts with "DIFFERS FROM SURVEY" follow the parser's rules instead).
 */
class RegisterRetentionItemsTest {

    private static final Pattern YEARS_AFTER = Pattern.compile("^\\d+ ans après");

    /** One line: fiche, parent scope, text, duration or -, trigger or -, status, litigation flag, note. */
    record Item(int line, String fiche, String scope, String text, String duration, RetentionTrigger trigger,
            RuleStatus status, boolean litigation, String note) {

        String parentScope() {
            return scope.isEmpty() ? null : scope;
        }

        @Override
        public String toString() {
            return "line " + line + " (fiche " + fiche + "): " + (text.length() > 70 ? text.substring(0, 70) + "…" : text);
        }
    }

    private static final List<Item> ITEMS = load();
    private final RetentionRuleParser parser = new RetentionRuleParser();

    @TestFactory
    Stream<DynamicTest> everyItemParsesAsHandChecked() {
        return ITEMS.stream().map(item -> DynamicTest.dynamicTest(item.toString(), () -> {
            RetentionRule rule = parser.parse(item.text(), item.parentScope());
            assertAll(item.note(),
                    () -> assertEquals(item.duration(), rule.duration(), "duration"),
                    () -> assertEquals(item.trigger(), rule.trigger(), "trigger"),
                    () -> assertEquals(item.status(), rule.status(), "status"),
                    () -> assertEquals(item.litigation(), rule.untilFinalDecisionIfLitigation(), "litigation flag"),
                    () -> assertEquals(item.text(), rule.text(), "text unchanged"),
                    () -> assertEquals(rule.duration() == null, rule.fate() == null, "fate iff duration"));
        }));
    }

    @Test
    void allItemsOfTheRegisterAreThere() {
        assertEquals(171, ITEMS.size());
        assertEquals(87, ITEMS.stream().map(Item::fiche).distinct().count());
    }

    @Test
    void atLeast100ItemsHaveADuration() {
        long withDuration = ITEMS.stream()
                .filter(item -> parser.parse(item.text(), item.parentScope()).duration() != null)
                .count();
        assertTrue(withDuration >= 100, withDuration + " items with a duration");
        long distinctWithDuration = ITEMS.stream().map(Item::text).distinct()
                .filter(text -> parser.parse(text, null).duration() != null)
                .count();
        assertTrue(distinctWithDuration >= 100, distinctWithDuration + " distinct phrases with a duration");
    }

    @Test
    void everyYearsAfterAnEventItemIsStructured() {
        List<Item> yearsAfter = ITEMS.stream().filter(item -> YEARS_AFTER.matcher(item.text()).find()).toList();
        assertTrue(yearsAfter.size() >= 20, yearsAfter.size() + " items of the form 'N ans après'");
        assertAll(yearsAfter.stream().map(item -> () -> {
            RetentionRule rule = parser.parse(item.text(), item.parentScope());
            assertEquals(RuleStatus.STRUCTURED, rule.status(), item.toString());
            assertEquals(item.trigger(), rule.trigger(), item.toString());
        }));
    }

    @Test
    void everyTriggerOfTheSurveyIsRecognisedSomewhere() {
        Map<RetentionTrigger, Integer> counts = new EnumMap<>(RetentionTrigger.class);
        for (Item item : ITEMS) {
            RetentionTrigger trigger = parser.parse(item.text(), item.parentScope()).trigger();
            if (trigger != null) {
                counts.merge(trigger, 1, Integer::sum);
            }
        }
        assertEquals(RetentionTrigger.values().length, counts.size(), "triggers seen: " + counts);
    }

    private static List<Item> load() {
        try (InputStream in = RegisterRetentionItemsTest.class.getResourceAsStream("/retention-items.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Item> items = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) { // line 1 is the header
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                items.add(new Item(i + 1, f[0], f[1], f[2], dash(f[3]),
                        dash(f[4]) == null ? null : RetentionTrigger.valueOf(f[4]),
                        RuleStatus.valueOf(f[5]), Boolean.parseBoolean(f[6]), f.length > 7 ? f[7] : ""));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dash(String value) {
        return "-".equals(value) ? null : value;
    }
}
