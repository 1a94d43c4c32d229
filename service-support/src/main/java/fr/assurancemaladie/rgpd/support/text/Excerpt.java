package fr.assurancemaladie.rgpd.support.text;

/**
 * How a value that came from outside is quoted back — in a problem's detail, a dead-letter reason or a log line: a
 * short prefix, with every control character and every non-ASCII format character written as {@code \\uXXXX}, so
 * that a quoted value can neither forge a log line nor make an answer as large as the request.
 */
public final class Excerpt {

    /** Characters of the value kept; the rest is replaced by an ellipsis and the total length. */
    public static final int MAX = 64;

    private Excerpt() {
    }

    public static String of(CharSequence value) {
        return of(value, MAX);
    }

    public static String of(CharSequence value, int max) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 16);
        int kept = Math.min(value.length(), max);
        for (int i = 0; i < kept; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c == '\\') {
                out.append(c == '\\' ? "\\\\" : String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > max) {
            out.append("… (").append(value.length()).append(" caractères)");
        }
        return out.toString();
    }
}
