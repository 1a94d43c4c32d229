package fr.assurancemaladie.rgpd.rights.letter.law;

/** The letters the platform writes, each from its own versioned template. */
public enum LetterKind {
    /** Récépissé: the request is received, with its due date (art. 12(3)). */
    ACKNOWLEDGEMENT("Accusé de réception"),
    /** What identity information is missing and why; the period waits meanwhile (art. 12(6)). */
    IDENTITY_REQUEST("Demande d'informations d'identité"),
    /** The extension, its reasons and the new due date, sent before the first due date (art. 12(3)). */
    EXTENSION_NOTICE("Avis de prolongation du délai"),
    /** The answer, per right; for an access request the art. 15(1) summary. */
    ANSWER("Réponse à votre demande"),
    /** The right does not apply to the processing concerned: the register's reason (art. 12(4)). */
    NOT_APPLICABLE("Réponse : droit non applicable"),
    /** A refusal: its ground, its reason, the CNIL and court remedies (art. 12(4)). */
    REFUSAL("Refus motivé"),
    /** Before a limitation is lifted (art. 18(3)). */
    LIFT_NOTICE("Information avant la levée de la limitation"),
    /** The recipients told of a rectification, an erasure or a limitation (art. 19). */
    RECIPIENTS_STATEMENT("Destinataires informés (article 19)"),
    /** To a caisse's DPO, every morning: late requests and those due within 7 days. */
    DPO_DIGEST("Point quotidien des demandes");

    private final String label;

    LetterKind(String label) {
        this.label = label;
    }

    /** Its French name, as people read it in a timeline. */
    public String label() {
        return label;
    }

    /** Letters to the person about a request; the digest goes to a DPO. */
    public boolean toPerson() {
        return this != DPO_DIGEST;
    }
}
