package fr.assurancemaladie.rgpd.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.support.messaging.ContractReader;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the data of {@code register.fiche.published} as its contract, {@link FichePublished}, the tolerant way the
 * contract promises: unknown fields are ignored and an unknown enum value of a retention rule reads as null (that
 * rule is then not executable). A value of the wrong shape (text where a list is due…) breaks the contract.
 */
@ApplicationScoped
public class FicheContract {

    private final ObjectReader reader;

    @Inject
    public FicheContract(ObjectMapper mapper) {
        this.reader = mapper.readerFor(FichePublished.class)
                .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** @throws InvalidRecord naming the field that breaks the contract (never quoting its value) */
    public FichePublished read(JsonNode data) {
        try {
            return reader.readValue(data);
        } catch (JsonMappingException e) {
            String path = ContractReader.fieldPath(e);
            throw new InvalidRecord("La fiche ne respecte pas le contrat de register.fiches"
                    + (path.isEmpty() ? "." : " en « " + path + " »."));
        } catch (java.io.IOException e) {
            throw new InvalidRecord("La fiche ne respecte pas le contrat de register.fiches.");
        }
    }

    /** A payload this service stored itself (it passed {@link #read(JsonNode)} when it arrived). */
    FichePublished readStored(String payload) {
        try {
            return reader.readValue(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A projected fiche is not readable as FichePublished", e);
        }
    }
}
