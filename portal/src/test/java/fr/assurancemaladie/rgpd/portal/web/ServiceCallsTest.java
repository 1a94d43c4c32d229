package fr.assurancemaladie.rgpd.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The services' « Champ « x » : … » details become a message beside the form's field. */
class ServiceCallsTest {

    @Test
    void aDetailNamingItsFieldIsSplit() {
        Matcher m = ServiceCalls.FIELD_DETAIL.matcher("Champ « reason » : Le texte contient un caractère interdit "
                + "(U+001B, position 2).");
        assertEquals(true, m.matches());
        assertEquals("reason", m.group(1));
        assertEquals("Le texte contient un caractère interdit (U+001B, position 2).", m.group(2));
        Matcher nested = ServiceCalls.FIELD_DETAIL.matcher("Champ « retention[2].duration » : Durée invalide.");
        assertEquals(true, nested.matches());
        assertEquals("retention[2].duration", nested.group(1));
    }

    @Test
    void otherDetailsStayWhole() {
        assertFalse(ServiceCalls.FIELD_DETAIL.matcher("La prolongation doit être motivée.").matches());
        assertFalse(ServiceCalls.FIELD_DETAIL.matcher("Champ « un champ avec des espaces » : x").matches());
    }
}
