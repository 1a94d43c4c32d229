package fr.assurancemaladie.rgpd.support.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A CloudEvent 1.0 read from a Kafka record (either content mode of the Kafka protocol binding) or from an HTTP body
 * (JSON structured mode), its context attributes checked and its data parsed as JSON.
 *
 * @param key        the Kafka record key (UTF-8), null when the record has none or the event came over HTTP
 * @param structured true for structured content mode (the whole event in the value), false for binary mode
 * @param time       the {@code time} attribute, null when absent
 * @param extensions every other attribute, as text (CloudEvents' canonical string form)
 * @param data       the data, parsed as JSON; null when the event carries none
 */
public record IncomingCloudEvent(String key, boolean structured, String id, String source, String type,
        String subject, String dataContentType, String dataSchema, OffsetDateTime time, Map<String, String> extensions,
        JsonNode data) {

    /** The data when it is a JSON object; otherwise the record breaks every topic's contract of the platform. */
    public JsonNode dataObject() {
        if (data == null || !data.isObject()) {
            throw new InvalidRecord("Les données de l'événement (data) doivent être un objet JSON.");
        }
        return data;
    }
}
