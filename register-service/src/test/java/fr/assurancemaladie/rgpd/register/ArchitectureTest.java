package fr.assurancemaladie.rgpd.register;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.assurancemaladie.rgpd.localstack.testing.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The law stays plain Java and the resources stay thin ({@link ArchitectureRules}). */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.of("fr.assurancemaladie.rgpd.register");
    }

    @Test
    void theLawIsPlainJava() {
        ArchitectureRules.LAW_IS_PLAIN_JAVA.check(classes);
    }

    @Test
    void resourcesRunNoSql() {
        ArchitectureRules.RESOURCES_RUN_NO_SQL.check(classes);
    }

    @Test
    void resourcesOpenNoTransaction() {
        ArchitectureRules.RESOURCES_OPEN_NO_TRANSACTION.check(classes);
    }
}
