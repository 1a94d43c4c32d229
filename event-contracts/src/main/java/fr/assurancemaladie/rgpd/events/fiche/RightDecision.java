package fr.assurancemaladie.rgpd.events.fiche;

/**
 * One right of a fiche.
 *
 * @param stated  what the fiche's own text says: true (can be exercised), false (does not apply), null (silent)
 * @param applies the decision rights-service uses, from {@code stated}, the legal bases and the GDPR
 * @param reason  a French sentence for the citizen, quoting the fiche's justification when there is one
 */
public record RightDecision(Boolean stated, boolean applies, String reason) {
}
