package fr.assurancemaladie.rgpd.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated French social-security number (NIR): 13 characters plus a 2-digit key, 15 in all.
 *
 * <p>The key is {@code 97 - (first 13 characters as a number mod 97)}; Corsican départements {@code 2A} and
 * {@code 2B} count as {@code 19} and {@code 18}. Input may contain spaces; letters are upper-cased.
 *
 * <p>A NIR is personal data: {@link #toString()} masks it so that it never lands in a log by accident. Use
 * {@link #value()} only where the NIR itself must be stored (rights-service) or pseudonymised.
 */
public final class Nir {

    /** Sex digit (1, 2; 3, 4, 7, 8 for provisional numbers), year, month, département (2A/2B), commune, order, key. */
    private static final Pattern SHAPE = Pattern.compile("[1-478]\\d{4}(?:\\d{2}|2A|2B)\\d{6}\\d{2}");

    private final String value;

    private Nir(String value) {
        this.value = value;
    }

    /** Why a NIR was rejected; {@link #message()} is French, fit to show to the person who typed it. */
    public enum Problem {
        MISSING("Le NIR est obligatoire."),
        LENGTH("Le NIR doit comporter 15 caractères (13 caractères et une clé de 2 chiffres)."),
        FORMAT("Le NIR ne respecte pas le format attendu (chiffres, et 2A ou 2B pour la Corse)."),
        KEY("La clé du NIR ne correspond pas aux 13 premiers caractères.");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Thrown by {@link #parse(String)}; its message never contains the NIR. */
    public static final class InvalidNirException extends IllegalArgumentException {
        private final Problem problem;

        public InvalidNirException(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Removes spaces (and dots or dashes people type between groups) and upper-cases. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static Nir parse(String raw) {
        String n = normalise(raw);
        if (n == null || n.isEmpty()) {
            throw new InvalidNirException(Problem.MISSING);
        }
        if (n.length() != 15) {
            throw new InvalidNirException(Problem.LENGTH);
        }
        if (!SHAPE.matcher(n).matches()) {
            throw new InvalidNirException(Problem.FORMAT);
        }
        if (expectedKey(n.substring(0, 13)) != Integer.parseInt(n.substring(13))) {
            throw new InvalidNirException(Problem.KEY);
        }
        return new Nir(n);
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidNirException e) {
            return false;
        }
    }

    /** The key of a 13-character NIR body (Corsica: 2A counts as 19, 2B as 18). */
    public static int expectedKey(String body) {
        String numeric = body.substring(0, 5) + corsica(body.substring(5, 7)) + body.substring(7);
        return 97 - (int) (Long.parseLong(numeric) % 97);
    }

    private static String corsica(String departement) {
        return switch (departement) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> departement;
        };
    }

    /** The normalised 15-character NIR. Personal data: never log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nir other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Masked: only the sex digit and the key show. */
    @Override
    public String toString() {
        return "Nir[" + value.charAt(0) + "************" + value.substring(13) + "]";
    }
}
