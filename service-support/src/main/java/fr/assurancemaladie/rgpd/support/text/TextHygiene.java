package fr.assurancemaladie.rgpd.support.text;

/**
 * The one rule for text that comes from outside — a JSON body, a path, a query parameter, a CloudEvent attribute or
 * a field of an event's data — wherever it enters the platform.
 *
 * <ul>
 * <li><b>Free text</b> (a message, a reason, a postal address): any character but the control characters (C0, DEL,
 * C1: NUL, BEL, ESC…), except the three that lay out text: tab, line feed, carriage return.</li>
 * <li><b>A line</b> (a path, a query parameter, an identifier, a CloudEvent attribute): no control character at
 * all, so that nothing read from it can start a new line in a log or a header.</li>
 * <li>In both, no lone surrogate: Java would store it as "?" (data changed without a word).</li>
 * </ul>
 * PostgreSQL refuses NUL in text; the others it stores, and a terminal or a log reader then obeys them.
 */
public final class TextHygiene {

    private TextHygiene() {
    }

    /** True when {@code s} is acceptable free text (null is: absence is checked elsewhere). */
    public static boolean isCleanText(CharSequence s) {
        return firstBadIndex(s, true) < 0;
    }

    /** True when {@code s} is an acceptable single line (null is). */
    public static boolean isCleanLine(CharSequence s) {
        return firstBadIndex(s, false) < 0;
    }

    /** The index of the first character the rule refuses, or -1. */
    public static int firstBadIndex(CharSequence s, boolean multiline) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The French sentence that names the refused character by its code point (never the character itself). */
    public static String refusal(String what, CharSequence s, boolean multiline) {
        int i = firstBadIndex(s, multiline);
        if (i < 0) {
            throw new IllegalArgumentException("clean text");
        }
        return what + " contient un caractère interdit (U+" + String.format("%04X", (int) s.charAt(i))
                + ", position " + (i + 1) + ")" + (multiline
                        ? " : les caractères de contrôle sont refusés, sauf la tabulation et le retour à la ligne."
                        : " : les caractères de contrôle sont refusés.");
    }
}
