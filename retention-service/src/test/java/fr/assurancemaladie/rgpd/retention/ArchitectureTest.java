package fr.assurancemaladie.rgpd.retention;

import fr.assurancemaladie.rgpd.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The law stays plain Java, resources thin, transactions JTA, settings typed ({@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void theLayersHold() {
        ArchitectureRules.check("fr.assurancemaladie.rgpd.retention");
    }
}
