package fr.assurancemaladie.rgpd.events;

import java.time.Instant;

/**
 * Data of a {@code retention.deletion.confirmed} CloudEvent on {@code retention.deletion-confirmations}.
 *
 * @param scheduleId  the schedule of the order carried out
 * @param subjectRef  pseudonym of the person; also the record key
 * @param confirmedAt when the data were destroyed or archived
 * @param system      the confirming system
 */
public record DeletionConfirmation(String scheduleId, String subjectRef, Instant confirmedAt, String system) {
}
