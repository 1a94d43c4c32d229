package fr.assurancemaladie.rgpd.support.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** {@link TextHygiene} over a whole JSON document: every string value is free text, every member name a line. */
public final class JsonText {

    private JsonText() {
    }

    /** The JSON path of the first string the rule refuses, or null when the whole document is clean. */
    public static String firstDirtyPath(JsonNode node) {
        return firstDirty(node, "$");
    }

    private static String firstDirty(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextHygiene.isCleanText(node.textValue()) ? null : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String dirty = firstDirty(node.get(i), path + "[" + i + "]");
                if (dirty != null) {
                    return dirty;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                String name = member.getKey();
                String here = path + "." + Excerpt.of(name);
                if (!TextHygiene.isCleanLine(name)) {
                    return here;
                }
                String dirty = firstDirty(member.getValue(), here);
                if (dirty != null) {
                    return dirty;
                }
            }
        }
        return null;
    }
}
