package fr.assurancemaladie.rgpd.support.problem;

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
            throw ProblemException.badRequest("« " + name + " » doit être un nombre entier.");
        }
    }
}
