package fr.assurancemaladie.rgpd.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of a {@code lifecycle.events} CloudEvent (type {@code fr.assurancemaladie.lifecycle.<trigger>}).
 *
 * @param subjectRef   pseudonym of the person ({@link SubjectRefs}); also the record key
 * @param occurredOn   the day the event happened (the retention trigger date)
 * @param caisseCode   the caisse the person belongs to, e.g. {@code CPAM-75}
 * @param ficheNumbers the fiches concerned; null or empty = every published fiche with a rule on this trigger
 * @param dossierRef   optional reference of a dossier (litigation…), never personal data
 */
public record LifecycleEventData(String subjectRef, LocalDate occurredOn, String caisseCode, List<Integer> ficheNumbers,
        String dossierRef) {
}
