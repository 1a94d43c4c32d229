package fr.assurancemaladie.rgpd.retention.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw;
import java.util.ArrayList;
import java.util.List;

/** Reads the retention items of a fiche as {@code register.fiches} carries it ({@code retentionRules[]}). */
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

    public static List<Item> of(JsonNode fiche) {
        List<Item> items = new ArrayList<>();
        JsonNode rules = fiche == null ? null : fiche.path("retentionRules");
        if (rules == null || !rules.isArray()) {
            return items;
        }
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String fate = text(r, "fate");
            items.add(new Item(i, text(r, "text") == null ? "" : text(r, "text"), new RetentionLaw.Rule(
                    text(r, "duration"), text(r, "trigger"),
                    "DESTRUCTION".equals(fate) || "ARCHIVE".equals(fate) ? fate : null,
                    r.path("untilFinalDecisionIfLitigation").asBoolean(false), text(r, "status"))));
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
