package fr.assurancemaladie.rgpd.projection;

import fr.assurancemaladie.rgpd.events.FichePublished;

/**
 * CDI event fired, inside the projection's transaction, each time a fiche's projected state changes: services
 * observe it to react to a new version (retention-service recomputes schedules) or a withdrawal.
 *
 * @param fiche the version now in force; null when the fiche was withdrawn
 */
public record FicheProjected(int number, int version, ProjectedFiche.Status status, FichePublished fiche) {
}
