package fr.assurancemaladie.rgpd.retention.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.DeletionOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON of a {@link DeletionOrder}, byte for byte as the service's {@code ObjectMapper} writes it, written with
 * Jackson's streaming generator: a sweep writes up to a million of them, and the mapper's bean and date serializers
 * were a fifth of the service's CPU in a sweep of 1 M (flight recording, issue 15). The instant all the orders of a
 * chunk share is written once, by the mapper itself. {@code DeletionOrderJsonTest} compares both writers on orders of
 * every shape; an order with a missing value goes through the mapper.
 */
final class DeletionOrderJson {

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    DeletionOrderJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /** The orders of one chunk, ordered at {@code orderedAt}. */
    Chunk chunk(Instant orderedAt) {
        try {
            return new Chunk(orderedAt, mapper.writeValueAsString(orderedAt));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Chunk {
        private final Instant orderedAt;
        private final String orderedAtJson;

        private Chunk(Instant orderedAt, String orderedAtJson) {
            this.orderedAt = orderedAt;
            this.orderedAtJson = orderedAtJson;
        }

        byte[] write(DeletionOrder o) {
            try {
                if (o.scheduleId() == null || o.subjectRef() == null || o.ruleText() == null || o.trigger() == null
                        || o.triggerDate() == null || o.dueOn() == null || o.fate() == null
                        || !orderedAt.equals(o.orderedAt())) {
                    return mapper.writeValueAsBytes(o);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(384 + o.ruleText().length());
                try (JsonGenerator g = factory.createGenerator(out)) {
                    g.writeStartObject();
                    g.writeStringField("scheduleId", o.scheduleId());
                    g.writeStringField("subjectRef", o.subjectRef());
                    g.writeNumberField("ficheNumber", o.ficheNumber());
                    g.writeStringField("ruleText", o.ruleText());
                    g.writeStringField("trigger", o.trigger());
                    g.writeStringField("triggerDate", o.triggerDate().toString());
                    g.writeStringField("dueOn", o.dueOn().toString());
                    g.writeStringField("fate", o.fate());
                    g.writeFieldName("orderedAt");
                    g.writeRawValue(orderedAtJson);
                    g.writeEndObject();
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
