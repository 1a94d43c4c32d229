package fr.assurancemaladie.rgpd.register.fiche;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two versions of a fiche, field by field: for lists, the items added and removed; for other
 * fields, the value before and after. Metadata (version, status, dates, author) is not a change.
 */
public final class FicheDiff {

    static final Set<String> METADATA = Set.of("version", "status", "updatedAt", "updatedBy");

    /**
     * One changed field.
     *
     * @param field   JSON field name of the fiche ("retentionRules", "title"…)
     * @param before  previous value (fields that are not lists)
     * @param after   new value (fields that are not lists)
     * @param added   list items present only in the new version
     * @param removed list items present only in the previous version
     */
    public record Change(String field, JsonNode before, JsonNode after, List<JsonNode> added, List<JsonNode> removed) {
    }

    private FicheDiff() {
    }

    /** Changes from {@code before} to {@code after} (two fiche JSON objects); {@code before} may be null. */
    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(fields::add);
        }
        for (String field : fields) {
            if (METADATA.contains(field)) {
                continue;
            }
            JsonNode b = before == null ? JsonNodeFactory.instance.nullNode() : before.path(field);
            JsonNode a = after.path(field);
            if (normalise(b).equals(normalise(a))) {
                continue;
            }
            if (a.isArray() || b.isArray()) {
                changes.add(new Change(field, null, null, minus(a, b), minus(b, a)));
            } else {
                changes.add(new Change(field, normalise(b), normalise(a), null, null));
            }
        }
        return changes;
    }

    private static JsonNode normalise(JsonNode node) {
        return node == null || node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
    }

    private static List<JsonNode> minus(JsonNode a, JsonNode b) {
        List<JsonNode> out = new ArrayList<>();
        if (!a.isArray()) {
            return out;
        }
        List<JsonNode> others = new ArrayList<>();
        if (b.isArray()) {
            b.forEach(others::add);
        }
        for (Iterator<JsonNode> it = ((ArrayNode) a).elements(); it.hasNext();) {
            JsonNode item = it.next();
            if (!others.remove(item)) {
                out.add(item);
            }
        }
        return out;
    }
}
