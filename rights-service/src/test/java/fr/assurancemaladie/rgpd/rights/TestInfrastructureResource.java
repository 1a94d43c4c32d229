package fr.assurancemaladie.rgpd.rights;

import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;

/** Every @QuarkusTest of this module runs on test-infrastructure: embedded PostgreSQL and Kafka, a real SMTP server, signed test JWTs. */
@WithTestResource(value = TestInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public class TestInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(TestInfrastructure.postgresKafkaAndTestTokens());
        config.putAll(TestInfrastructure.smtpSettings("rgpd.rights.letters.smtp"));
        return config;
    }

    @Override
    public void stop() {
        // shared for the whole JVM, stopped by a shutdown hook
    }
}
