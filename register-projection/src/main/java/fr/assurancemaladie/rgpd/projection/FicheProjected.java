package fr.assurancemaladie.rgpd.projection;

/**
 * CDI event fired, inside the projection's transaction, each time a fiche's projected state changes: services
 * observe it to react to a new version (retention-service recomputes schedules) or a withdrawal.
 */
public record FicheProjected(int number, int version, ProjectedFiche.Status status) {
}
