package fr.assurancemaladie.rgpd.retention;

import fr.assurancemaladie.rgpd.localstack.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The law stays plain Java and the resources stay thin ({@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void theLawIsPlainJavaAndResourcesRunNoSqlAndNoTransaction() {
        ArchitectureRules.check("fr.assurancemaladie.rgpd.retention");
    }
}
