package fr.assurancemaladie.rgpd.support.paging;

import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset-paging cursors: the sort key of the last item of a page (e.g. due date and id), URL-safe. A cursor
 * that cannot be read is the client's error (400), never a 500.
 */
public final class Cursor {

    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    public static String encode(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            if (!s.isEmpty()) {
                s.append(SEPARATOR);
            }
            s.append(p);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, each parsed by {@code parser}; 400 when anything is off. */
    public static <T> T decode(String cursor, int parts, Parser<T> parser) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (p.length != parts) {
                throw new IllegalArgumentException("parts");
            }
            return parser.parse(p);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Curseur de pagination invalide.");
        }
    }

    /** Turns the parts into the key; throws any RuntimeException when they do not parse. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String[] parts);
    }
}
