package fr.assurancemaladie.rgpd.support.problem;

/**
 * Thrown by services to answer with a problem+json of the given status; {@code detail} is shown to the caller
 * (in French when a citizen may read it).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final java.util.List<Problem.Violation> violations;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, java.util.List.of());
    }

    public ProblemException(int status, String title, String detail, java.util.List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = java.util.List.copyOf(violations);
    }

    /** The invalid fields, when the problem is a validation failure. */
    public java.util.List<Problem.Violation> violations() {
        return violations;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Requête invalide", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Introuvable", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Accès refusé", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflit", detail);
    }
}
