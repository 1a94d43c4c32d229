package fr.assurancemaladie.rgpd.register.fiche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.register.importer.SeedDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class FicheValidatorTest {

    @Test
    void everyImportedFicheIsValid() {
        for (Fiche f : SeedDocument.FICHES) {
            assertEquals(List.of(), FicheValidator.validate(f), "fiche " + f.number());
        }
    }

    @Test
    void periods() {
        for (String ok : List.of("P3Y", "P13M", "P0D", "P3W", "P1Y6M", "P7D")) {
            assertTrue(FicheValidator.validPeriod(ok), ok);
        }
        for (String bad : List.of("P", "3Y", "P3H", "PT3H", "P-1Y", "3 ans", "")) {
            assertFalse(FicheValidator.validPeriod(bad), bad);
        }
    }
}
