package fr.assurancemaladie.rgpd.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of a {@code rights.events} CloudEvent: a request's transition, a limitation applied or lifted, or a
 * notification to recipients (GDPR art. 19). No NIR, no name: the person is {@code subjectRef}.
 *
 * @param requestId    id of the rights request in rights-service
 * @param subjectRef   pseudonym of the person; also the record key
 * @param requestType  ACCESS, RECTIFICATION, LIMITATION, OBJECTION, ERASURE, PORTABILITY
 * @param status       status after the transition
 * @param caisseCode   caisse whose DPO handles the request
 * @param ficheNumbers fiches the request is about (empty = all processing)
 * @param dueOn        legal due date after the transition
 * @param occurredAt   when the transition happened
 * @param reason       reason given with the transition (extension, refusal, lifting a limitation), if any
 * @param recipients   for {@code …rights.recipients.notify} (GDPR art. 19): the recipients the register lists for
 *                     the fiches concerned, who must be told of the rectification, erasure or limitation; else empty
 */
public record RightsEventData(String requestId, String subjectRef, String requestType, String status, String caisseCode,
        List<Integer> ficheNumbers, LocalDate dueOn, Instant occurredAt, String reason, List<String> recipients) {

    public RightsEventData {
        ficheNumbers = ficheNumbers == null ? List.of() : List.copyOf(ficheNumbers);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
