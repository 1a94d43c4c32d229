package fr.assurancemaladie.rgpd.register.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table cell of the converted register: nested {@code <ul><li>} lists with a little inline markup
 * ({@code <b>}, {@code <p>}, {@code <a>}, {@code <sup>}). Each {@code <li>} becomes an {@link Item} whose text is
 * its own text (children excluded), trimmed, with HTML, entities and leading bullets removed. Text outside any
 * list item is kept as an item too, so nothing of the cell is lost.
 */
public final class HtmlList {

    /** One list entry and its sub-list. */
    public record Item(String text, List<Item> children) {
        public Item {
            children = List.copyOf(children);
        }

        public static Item leaf(String text) {
            return new Item(text, List.of());
        }
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)[^>]*>");
    private static final Pattern BULLET = Pattern.compile("^(?:[•–—−·▪●◦-]\\s*)+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");

    private HtmlList() {
    }

    /** Items of a cell, in document order; empty when the cell has no text. */
    public static List<Item> parse(String html) {
        Node root = new Node();
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        Matcher m = TAG.matcher(html);
        int last = 0;
        while (m.find()) {
            stack.get(stack.size() - 1).text.append(html, last, m.start());
            last = m.end();
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (name.equals("li")) {
                if (closing) {
                    if (stack.size() > 1) {
                        stack.remove(stack.size() - 1);
                    }
                } else {
                    Node child = new Node();
                    stack.get(stack.size() - 1).children.add(child);
                    stack.add(child);
                }
            } else if (name.equals("br") || name.equals("p") || name.equals("ul")) {
                stack.get(stack.size() - 1).text.append(' ');
            }
        }
        stack.get(stack.size() - 1).text.append(html, last, html.length());
        List<Item> items = new ArrayList<>();
        String loose = clean(root.text.toString());
        if (!loose.isEmpty()) {
            items.add(Item.leaf(loose));
        }
        for (Node child : root.children) {
            child.toItem().ifPresent(items::add);
        }
        return items;
    }

    /** Flattens items in document order: a parent, then its children. */
    public static List<String> flatten(List<Item> items) {
        List<String> out = new ArrayList<>();
        for (Item item : items) {
            if (!item.text().isEmpty()) {
                out.add(item.text());
            }
            out.addAll(flatten(item.children()));
        }
        return out;
    }

    /** Removes tags, decodes the few entities the conversion produces, collapses spaces, drops leading bullets. */
    public static String clean(String text) {
        String s = TAG.matcher(text.replace('\u0000', ' ')).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = BULLET.matcher(s).replaceFirst("");
        return s.strip();
    }

    private static final class Node {
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        java.util.Optional<Item> toItem() {
            String own = clean(text.toString());
            List<Item> kids = new ArrayList<>();
            for (Node child : children) {
                child.toItem().ifPresent(kids::add);
            }
            if (own.isEmpty() && kids.isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Item(own, kids));
        }
    }
}
