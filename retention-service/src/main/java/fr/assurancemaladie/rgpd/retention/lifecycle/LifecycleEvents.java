package fr.assurancemaladie.rgpd.retention.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.LifecycleEventData;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;
import fr.assurancemaladie.rgpd.support.messaging.ContractReader;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract of {@code lifecycle.events} (docs/design.md §3), checked the same way for a record read from Kafka and for
 * a CloudEvent posted over HTTP: a known type, a well-formed subjectRef, an ISO date, a caisse code, optional fiche
 * numbers and dossier reference. Anything else is rejected with a reason (the dead-letter header, or the 400 detail).
 */
public final class LifecycleEvents {

    static final Pattern CAISSE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S} ]{1,128}");
    static final int MAX_FICHES = 100;

    /** The event breaks the contract; the message says how (in French: it may reach a producer's developer). */
    public static final class InvalidEvent extends Exception {
        public InvalidEvent(String reason) {
            super(reason, null, false, false);
        }
    }

    private LifecycleEvents() {
    }

    /**
     * Checks one event.
     *
     * @param today the service's today: an event may be announced ahead, but not more than a year ahead
     */
    public static LifecycleEvent read(String source, String id, String type, JsonNode data, LocalDate today)
            throws InvalidEvent {
        if (id == null || id.isBlank() || id.length() > 200 || hasControl(id)) {
            throw new InvalidEvent("Attribut CloudEvents « id » absent, trop long (200 caractères au plus) ou avec "
                    + "des caractères de contrôle.");
        }
        if (source == null || source.isBlank() || source.length() > 255 || hasControl(source)) {
            throw new InvalidEvent("Attribut CloudEvents « source » absent, trop long (255 caractères au plus) ou "
                    + "avec des caractères de contrôle.");
        }
        if (type == null || !EventTypes.isKnownLifecycleType(type)) {
            throw new InvalidEvent("Type d'événement inconnu : « " + Excerpt.of(type) + " » (attendu : " + EventTypes.LIFECYCLE_PREFIX
                    + "<déclencheur>, litigation-opened ou litigation-closed).");
        }
        RetentionTrigger trigger = EventTypes.triggerOf(type).orElse(null);
        if (data != null && data.isObject() && data.hasNonNull("occurredOn") && !data.get("occurredOn").isTextual()) {
            throw new InvalidEvent("« occurredOn » doit être une date AAAA-MM-JJ.");
        }
        LifecycleEventData d;
        try {
            d = ContractReader.read(data, LifecycleEventData.class);
        } catch (InvalidRecord e) {
            throw new InvalidEvent(e.getMessage());
        }
        String subjectRef = d.subjectRef();
        if (!SubjectRefs.isWellFormed(subjectRef)) {
            throw new InvalidEvent("« subjectRef » doit être un pseudonyme de 64 caractères hexadécimaux minuscules.");
        }
        LocalDate occurredOn = d.occurredOn();
        if (occurredOn == null) {
            throw new InvalidEvent("« occurredOn » doit être une date AAAA-MM-JJ.");
        }
        if (occurredOn.getYear() < 1900 || occurredOn.isAfter(today.plusYears(1))) {
            throw new InvalidEvent("« occurredOn » hors limites : " + occurredOn + ".");
        }
        String caisse = d.caisseCode();
        if (caisse == null || !CAISSE.matcher(caisse).matches()) {
            throw new InvalidEvent("« caisseCode » absent ou mal formé (par exemple CPAM-75).");
        }
        List<Integer> fiches = null;
        if (d.ficheNumbers() != null) {
            if (d.ficheNumbers().size() > MAX_FICHES) {
                throw new InvalidEvent("« ficheNumbers » doit être une liste d'au plus " + MAX_FICHES + " numéros.");
            }
            fiches = new ArrayList<>();
            for (Integer n : d.ficheNumbers()) {
                if (n == null || n < 1 || n > 9999) {
                    throw new InvalidEvent("« ficheNumbers » : numéro de fiche invalide « " + n + " ».");
                }
                if (!fiches.contains(n)) {
                    fiches.add(n);
                }
            }
            fiches = fiches.isEmpty() ? null : List.copyOf(fiches);
        }
        String dossier = d.dossierRef();
        if (dossier != null && !PRINTABLE.matcher(dossier).matches()) {
            throw new InvalidEvent("« dossierRef » doit être un texte imprimable de 128 caractères au plus.");
        }
        return new LifecycleEvent(source, id, type, trigger, subjectRef, occurredOn, caisse, fiches, dossier);
    }

    /** The same, from a CloudEvent read off Kafka or an HTTP body ({@code CloudEventReader}). */
    public static LifecycleEvent read(IncomingCloudEvent event, LocalDate today) throws InvalidEvent {
        return read(event.source(), event.id(), event.type(), event.data(), today);
    }

    /** Identifiers are single lines: no control character (NUL, line feed, ESC…). */
    static boolean hasControl(String s) {
        return !TextHygiene.isCleanLine(s);
    }
}
