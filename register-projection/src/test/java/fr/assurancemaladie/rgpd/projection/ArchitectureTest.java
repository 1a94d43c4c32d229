package fr.assurancemaladie.rgpd.projection;

import fr.assurancemaladie.rgpd.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The platform's layers ({@link ArchitectureRules}) hold in this shared module too. */
class ArchitectureTest {

    @Test
    void resourcesRunNoSqlTransactionsAreJtaAndSettingsAreTyped() {
        ArchitectureRules.check("fr.assurancemaladie.rgpd.projection");
    }
}
