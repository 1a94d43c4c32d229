package fr.assurancemaladie.rgpd.retention;

import fr.assurancemaladie.rgpd.localstack.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;

/** Every @QuarkusTest of this module runs on local-stack's embedded PostgreSQL and Kafka, with signed test JWTs. */
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfrastructure.postgresKafkaAndTestTokens();
    }

    @Override
    public void stop() {
        // shared for the whole JVM, stopped by a shutdown hook
    }
}
