package fr.assurancemaladie.rgpd.events.fiche;

/**
 * One item of a fiche's "Fondements juridiques" cell.
 *
 * @param text        the item as written
 * @param gdprArticle the GDPR lawfulness reference it invokes, normalised ("6-1-c", "9-2-h"), or null
 */
public record LegalBasis(String text, String gdprArticle) {
}
