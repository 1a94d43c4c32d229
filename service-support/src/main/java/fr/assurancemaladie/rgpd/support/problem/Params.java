package fr.assurancemaladie.rgpd.support.problem;

import fr.assurancemaladie.rgpd.support.text.Excerpt;

/**
 * Query parameters read strictly: JAX-RS answers a malformed {@code int} parameter with 404, the platform answers
 * 400 with a French detail.
 */
public final class Params {

    private Params() {
    }

    /** The parameter as an integer, or a 400 problem naming it. */
    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.badRequest("« " + Excerpt.of(name) + " » doit être un nombre entier.");
        }
    }

    /** The parameter as an integer from {@code min} to {@code max}, or a 400 problem naming it. */
    public static int integerBetween(String name, String value, int min, int max) {
        int n = integer(name, value);
        if (n < min || n > max) {
            throw ProblemException.badRequest("« " + Excerpt.of(name) + " » doit être compris entre " + min + " et " + max + ".");
        }
        return n;
    }

    /** A {@code subjectRef} filter: 64 lowercase hexadecimal characters, or a 400 problem. */
    public static String subjectRef(String value) {
        if (!fr.assurancemaladie.rgpd.events.SubjectRefs.isWellFormed(value)) {
            throw ProblemException.badRequest("« subjectRef » doit faire 64 caractères hexadécimaux minuscules.");
        }
        return value;
    }

    /** A date parameter (YYYY-MM-DD) between the years 1900 and 2300, or a 400 problem naming it. */
    public static java.time.LocalDate date(String name, String value) {
        return date(name, value, 1900, 2300);
    }

    /** A date parameter (YYYY-MM-DD) between the years {@code minYear} and {@code maxYear}, or a 400 problem. */
    public static java.time.LocalDate date(String name, String value, int minYear, int maxYear) {
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(value.strip());
            if (d.getYear() >= minYear && d.getYear() <= maxYear) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            // below
        }
        throw ProblemException.badRequest("Date invalide pour " + name + " : « " + Excerpt.of(value) + " » (AAAA-MM-JJ).");
    }
}
