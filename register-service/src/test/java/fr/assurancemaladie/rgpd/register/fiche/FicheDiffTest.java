package fr.assurancemaladie.rgpd.register.fiche;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FicheDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsGiveAddedAndRemovedItemsAndValuesGiveBeforeAndAfter() throws Exception {
        JsonNode before = JSON.readTree("{\"number\":1,\"title\":\"A\",\"recipients\":[\"x\",\"y\"],\"version\":1,\"status\":\"PUBLISHED\"}");
        JsonNode after = JSON.readTree("{\"number\":1,\"title\":\"B\",\"recipients\":[\"y\",\"z\"],\"version\":2,\"status\":\"DRAFT\"}");
        List<FicheDiff.Change> changes = FicheDiff.between(before, after);
        assertEquals(List.of("title", "recipients"), changes.stream().map(FicheDiff.Change::field).toList(),
                "metadata is not a change");
        assertEquals("A", changes.get(0).before().asText());
        assertEquals("B", changes.get(0).after().asText());
        assertEquals(List.of(JSON.readTree("\"z\"")), changes.get(1).added());
        assertEquals(List.of(JSON.readTree("\"x\"")), changes.get(1).removed());
        assertEquals(List.of(), FicheDiff.between(after, after));
    }
}
