package fr.assurancemaladie.rgpd.events.fiche;

import java.util.Optional;

/** The six rights a citizen may ask for (GDPR art. 15-18, 20, 21), as they apply to one fiche. */
public record Rights(RightDecision access, RightDecision rectification, RightDecision erasure,
        RightDecision limitation, RightDecision objection, RightDecision portability) {

    /** The rights, by the names rights-service uses: ACCESS, RECTIFICATION, ERASURE, LIMITATION, OBJECTION, PORTABILITY. */
    public enum Right {
        ACCESS, RECTIFICATION, ERASURE, LIMITATION, OBJECTION, PORTABILITY;

        /** The JSON field name: {@code access}, {@code rectification}… */
        public String field() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Right> fromField(String field) {
            for (Right r : values()) {
                if (r.field().equalsIgnoreCase(field)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    public RightDecision get(Right right) {
        return switch (right) {
            case ACCESS -> access;
            case RECTIFICATION -> rectification;
            case ERASURE -> erasure;
            case LIMITATION -> limitation;
            case OBJECTION -> objection;
            case PORTABILITY -> portability;
        };
    }
}
