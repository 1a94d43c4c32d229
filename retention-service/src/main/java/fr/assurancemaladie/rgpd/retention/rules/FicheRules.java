package fr.assurancemaladie.rgpd.retention.rules;

import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw;
import java.util.ArrayList;
import java.util.List;

/** The retention items of a published fiche ({@link FichePublished#retentionRules()}), in the register's order. */
public final class FicheRules {

    /** One retention item, as the register structured it. */
    public record Item(int index, String text, RetentionLaw.Rule rule) {

        /** The fields that decide what a schedule does; the text may be reworded without changing them. */
        public boolean sameExecution(Item other) {
            return other != null && rule.equals(other.rule);
        }
    }

    private FicheRules() {
    }

    public static List<Item> of(FichePublished fiche) {
        List<Item> items = new ArrayList<>();
        List<RetentionRule> rules = fiche == null ? List.of() : fiche.retentionRules();
        for (int i = 0; i < rules.size(); i++) {
            RetentionRule r = rules.get(i);
            String duration = r.duration() == null || r.duration().isBlank() ? null : r.duration();
            items.add(new Item(i, r.text() == null ? "" : r.text(), new RetentionLaw.Rule(duration, r.trigger(),
                    r.fate(), r.untilFinalDecisionIfLitigation(), r.status())));
        }
        return items;
    }
}
