package fr.assurancemaladie.rgpd.rights.request.law;

/** The right a request exercises (GDPR art. 15 to 21). */
public enum RightType {
    ACCESS, RECTIFICATION, LIMITATION, OBJECTION, ERASURE, PORTABILITY;

    /**
     * Art. 19: the controller tells each recipient of the data about a rectification, an erasure or a limitation
     * it carried out.
     */
    public boolean informsRecipients() {
        return this == RECTIFICATION || this == ERASURE || this == LIMITATION;
    }
}
