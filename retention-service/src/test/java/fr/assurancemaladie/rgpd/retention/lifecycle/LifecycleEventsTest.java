package fr.assurancemaladie.rgpd.retention.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventReader;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String SUBJECT = "a".repeat(64);
    static final String RIGHTS_END = "fr.assurancemaladie.lifecycle.rights-end";

    static JsonNode data(String json) throws Exception {
        return JSON.readTree(json);
    }

    static LifecycleEvent read(String type, String data) throws Exception {
        return LifecycleEvents.read("urn:cnam:ref", "e-1", type, data(data), TODAY);
    }

    @Test
    void aRightsEndEventIsUnderstood() throws Exception {
        LifecycleEvent e = read(RIGHTS_END, """
                {"subjectRef": "%s", "occurredOn": "2026-01-15", "caisseCode": "CPAM-75", "ficheNumbers": [1, 1, 2]}
                """.formatted(SUBJECT));
        assertEquals(RetentionTrigger.RIGHTS_END, e.trigger());
        assertEquals(LocalDate.of(2026, 1, 15), e.occurredOn());
        assertEquals(List.of(1, 2), e.ficheNumbers());
        assertNull(e.dossierRef());
    }

    @Test
    void litigationEventsHaveNoTrigger() throws Exception {
        LifecycleEvent e = read("fr.assurancemaladie.lifecycle.litigation-opened", """
                {"subjectRef": "%s", "occurredOn": "2026-01-15", "caisseCode": "CPAM-75", "dossierRef": "TASS-2026-001"}
                """.formatted(SUBJECT));
        assertNull(e.trigger());
        assertTrue(e.litigationOpened());
        assertEquals("TASS-2026-001", e.dossierRef());
    }

    @Test
    void anEmptyFicheListMeansEveryFiche() throws Exception {
        assertNull(read(RIGHTS_END, """
                {"subjectRef": "%s", "occurredOn": "2026-01-15", "caisseCode": "CPAM-75", "ficheNumbers": []}
                """.formatted(SUBJECT)).ficheNumbers());
    }

    @Test
    void whatBreaksTheContractIsRejectedWithAReason() {
        String ok = "\"subjectRef\": \"%s\", \"occurredOn\": \"2026-01-15\", \"caisseCode\": \"CPAM-75\"".formatted(SUBJECT);
        assertRejected("Type d'événement inconnu", "fr.assurancemaladie.lifecycle.moon-landing", "{" + ok + "}");
        assertRejected("Type d'événement inconnu", "fr.assurancemaladie.register.fiche.published", "{" + ok + "}");
        assertRejected("subjectRef", RIGHTS_END, "{" + ok.replace(SUBJECT, "1850575123456") + "}");
        assertRejected("subjectRef", RIGHTS_END, "{" + ok.replace(SUBJECT, SUBJECT.toUpperCase()) + "}");
        assertRejected("occurredOn", RIGHTS_END, "{" + ok.replace("2026-01-15", "15/01/2026") + "}");
        assertRejected("occurredOn", RIGHTS_END, "{" + ok.replace("2026-01-15", "2031-01-15") + "}");
        assertRejected("caisseCode", RIGHTS_END, "{" + ok.replace("CPAM-75", "cpam 75; drop") + "}");
        assertRejected("ficheNumbers", RIGHTS_END, "{" + ok + ", \"ficheNumbers\": [\"1\"]}");
        assertRejected("ficheNumbers", RIGHTS_END, "{" + ok + ", \"ficheNumbers\": [0]}");
        assertRejected("ficheNumbers", RIGHTS_END, "{" + ok + ", \"ficheNumbers\": 1}");
        assertRejected("dossierRef", RIGHTS_END, "{" + ok + ", \"dossierRef\": \"a\\u0000b\"}");
        assertRejected("objet JSON", RIGHTS_END, "[1]");
    }

    @Test
    void theStructuredModeCarriesTheSameContract() throws Exception {
        CloudEventReader reader = new CloudEventReader(JSON);
        LifecycleEvent e = LifecycleEvents.read(reader.readStructured("""
                {"specversion": "1.0", "id": "x-1", "source": "urn:sys:death-registry", "type": "%s",
                 "datacontenttype": "application/json",
                 "data": {"subjectRef": "%s", "occurredOn": "2026-02-01", "caisseCode": "CGSS-971"}}
                """.formatted("fr.assurancemaladie.lifecycle.death", SUBJECT).getBytes(StandardCharsets.UTF_8)), TODAY);
        assertEquals(RetentionTrigger.DEATH, e.trigger());
        assertEquals("urn:sys:death-registry", e.source());
        InvalidRecord version = assertThrows(InvalidRecord.class, () -> reader.readStructured("""
                {"specversion": "0.3", "id": "x-1", "source": "s", "type": "%s", "data": {}}
                """.formatted(RIGHTS_END).getBytes(StandardCharsets.UTF_8)));
        assertTrue(version.getMessage().contains("0.3"), version.getMessage());
        InvalidRecord noId = assertThrows(InvalidRecord.class, () -> reader.readStructured("""
                {"specversion": "1.0", "source": "s", "type": "%s", "data": {}}""".formatted(RIGHTS_END)
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(noId.getMessage().contains("« id »"), noId.getMessage());
    }

    static void assertRejected(String reasonContains, String type, String data) {
        LifecycleEvents.InvalidEvent e = assertThrows(LifecycleEvents.InvalidEvent.class, () -> read(type, data),
                data);
        assertTrue(e.getMessage().contains(reasonContains), e.getMessage());
    }
}
