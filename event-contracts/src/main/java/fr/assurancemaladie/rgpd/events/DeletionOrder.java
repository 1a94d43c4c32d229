package fr.assurancemaladie.rgpd.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of a {@code retention.deletion.ordered} CloudEvent on {@code retention.deletion-orders}.
 *
 * @param scheduleId  id of the retention schedule; a confirmation quotes it
 * @param subjectRef  pseudonym of the person; also the record key
 * @param ficheNumber the fiche whose rule is executed
 * @param ruleText    the retention rule as the register words it
 * @param trigger     code of the trigger vocabulary
 * @param triggerDate when the trigger event happened
 * @param dueOn       trigger date + duration (later if a hold moved it)
 * @param fate        DESTRUCTION or ARCHIVE
 * @param orderedAt   when the order was sent
 */
public record DeletionOrder(String scheduleId, String subjectRef, int ficheNumber, String ruleText, String trigger,
        LocalDate triggerDate, LocalDate dueOn, String fate, Instant orderedAt) {
}
