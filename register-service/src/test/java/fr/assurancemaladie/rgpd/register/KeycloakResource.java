package fr.assurancemaladie.rgpd.register;

import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The real Keycloak with the repository's realm; replaces the test-key OIDC settings of {@link TestInfrastructureResource}. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(TestInfrastructure.keycloakOidc());
        // this app runs on a database of its own: no second register on the shared register.fiches topic
        config.put("rgpd.register.seed.enabled", "false");
        return config;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        // lives until the JVM ends
    }
}
