package fr.assurancemaladie.rgpd.support.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import java.util.stream.Collectors;

/**
 * Binds the data of a CloudEvent to its contract's record ({@code event-contracts}), strictly: a value of another
 * JSON type than the record's is refused (no text for a number, no number for a text, no fraction for an integer);
 * fields the record does not have are ignored (a newer producer may add some). What is refused names the field,
 * never its value, so the reason can go into a dead letter or a problem+json.
 */
public final class ContractReader {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private ContractReader() {
    }

    /** The record, or {@link InvalidRecord} saying which field breaks the contract. */
    public static <T> T read(JsonNode data, Class<T> contract) {
        if (data == null || !data.isObject()) {
            throw new InvalidRecord("Les données de l'événement doivent être un objet JSON.");
        }
        try {
            return STRICT.treeToValue(data, contract);
        } catch (JsonMappingException e) {
            String path = fieldPath(e);
            throw new InvalidRecord(path.isEmpty() ? "Les données ne respectent pas le contrat de l'événement."
                    : "« " + path + " » n'a pas la forme que le contrat de l'événement prévoit.");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidRecord("Les données ne respectent pas le contrat de l'événement.");
        }
    }

    /**
     * The field a binding failed on ({@code ficheNumbers.[0]}), cut to an excerpt; empty when it failed on the whole
     * object. Only names of the contract's fields reach it (unknown ones are ignored before any value is read).
     */
    public static String fieldPath(JsonMappingException e) {
        return Excerpt.of(e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")));
    }
}
