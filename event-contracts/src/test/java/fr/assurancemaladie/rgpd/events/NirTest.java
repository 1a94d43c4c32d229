package fr.assurancemaladie.rgpd.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.Nir.InvalidNirException;
import fr.assurancemaladie.rgpd.events.Nir.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "185057505612388", // Paris
            "290035746304546", // Moselle
            "1 85 05 75 056 123 88", // spaces as people type them
            "187022A12345681", // Corse-du-Sud: 2A counts as 19
            "187022b12345611", // Haute-Corse, lower case: 2B counts as 18
            "295129712300188" // Guadeloupe (971), the commune code starts the next group
    })
    void acceptsValidNirs(String raw) {
        assertTrue(Nir.isValid(raw), raw);
    }

    @Test
    void keyIs97MinusBodyMod97() {
        assertEquals(97 - (int) (1850575056123L % 97), Nir.expectedKey("1850575056123"));
        assertEquals(88, Nir.expectedKey("1850575056123"));
    }

    @Test
    void corsicaReplacesTheDepartementBeforeTheKey() {
        assertEquals(97 - (int) (1870219123456L % 97), Nir.expectedKey("187022A123456"));
        assertEquals(97 - (int) (1870218123456L % 97), Nir.expectedKey("187022B123456"));
    }

    @Test
    void normalisesSpacesAndCase() {
        assertEquals("187022B12345611", Nir.parse(" 1 87 02 2b 123 456 11 ").value());
    }

    @Test
    void rejectsWrongKey() {
        InvalidNirException e = assertThrows(InvalidNirException.class, () -> Nir.parse("185057505612389"));
        assertEquals(Problem.KEY, e.problem());
    }

    @Test
    void rejectsCorsicaWithTheKeyOfTheOtherDepartement() {
        // 81 is the key of 187022A123456: it is wrong for 2B
        assertEquals(Problem.KEY, assertThrows(InvalidNirException.class, () -> Nir.parse("187022B12345681")).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"18505750561238", "1850575056123880", "1"})
    void rejectsWrongLength(String raw) {
        assertEquals(Problem.LENGTH, assertThrows(InvalidNirException.class, () -> Nir.parse(raw)).problem());
    }

    @ParameterizedTest
    @CsvSource({
            "585057505612388", // 5 is not a sex digit
            "1850575X5612388", // letter outside the département
            "187022C12345681" // 2C is not a département
    })
    void rejectsWrongFormat(String raw) {
        assertEquals(Problem.FORMAT, assertThrows(InvalidNirException.class, () -> Nir.parse(raw)).problem());
    }

    @Test
    void rejectsMissing() {
        assertEquals(Problem.MISSING, assertThrows(InvalidNirException.class, () -> Nir.parse(null)).problem());
        assertEquals(Problem.MISSING, assertThrows(InvalidNirException.class, () -> Nir.parse("  ")).problem());
        assertFalse(Nir.isValid(""));
    }

    @Test
    void errorsAreFrenchAndNeverQuoteTheNir() {
        InvalidNirException e = assertThrows(InvalidNirException.class, () -> Nir.parse("185057505612389"));
        assertTrue(e.getMessage().startsWith("La clé du NIR"));
        assertFalse(e.getMessage().contains("1850575056123"));
    }

    @Test
    void toStringMasksTheNir() {
        String shown = Nir.parse("185057505612388").toString();
        assertFalse(shown.contains("0575056123"), shown);
    }
}
