package fr.assurancemaladie.rgpd.retention.lifecycle.law;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import java.time.LocalDate;
import java.util.List;

/**
 * A lifecycle event understood and valid: its CloudEvent identity (source, id), its type and its data.
 *
 * @param trigger the trigger of the vocabulary; null for a litigation event
 */
public record LifecycleEvent(String source, String id, String type, RetentionTrigger trigger, String subjectRef,
        LocalDate occurredOn, String caisseCode, List<Integer> ficheNumbers, String dossierRef) {

    public boolean litigationOpened() {
        return EventTypes.LITIGATION_OPENED.equals(type);
    }

    public boolean litigationClosed() {
        return EventTypes.LITIGATION_CLOSED.equals(type);
    }

    /** Source and id together identify a CloudEvent (CloudEvents 1.0: id is unique within its source). */
    public String identity() {
        return source + '\u0000' + id;
    }
}
