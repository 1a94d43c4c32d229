package fr.assurancemaladie.rgpd.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.infra.EmbeddedPostgresServer;
import fr.assurancemaladie.rgpd.infra.KeycloakServer;
import fr.assurancemaladie.rgpd.journey.Journey;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.testing.TestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenario of the platform (issue 6, {@link Journey}), on real parts: PostgreSQL and Kafka embedded,
 * the real Keycloak with the realm file (real tokens, password and client-credentials grants), and the three packaged
 * services as separate processes, wired by configuration only. Every step asserts what it must see; the processes
 * are stopped at the end, and the test checks none is left.
 */
class JourneyIT {

    static final String PEPPER = "end-to-end-pepper-not-a-secret";
    static final Path ROOT = Path.of(System.getProperty("rgpd.module.dir", ".")).toAbsolutePath().getParent();

    @Test
    void citizenDpoAndLifecycleSystemAcrossTheThreeServices() throws Exception {
        SharedInfra infra = SharedInfra.get();
        KeycloakServer keycloak = TestInfrastructure.keycloak();
        List<ServiceProcess> services = new ArrayList<>();
        try {
            services.add(start(infra, keycloak, "register-service", "register", Map.of()));
            services.add(start(infra, keycloak, "rights-service", "rights",
                    TestInfrastructure.smtpSettings("rgpd.rights.letters.smtp")));
            // the journey sweeps "as of" a day past the due date; the scheduled sweep stays out of its way
            services.add(start(infra, keycloak, "retention-service", "retention", Map.of(
                    "rgpd.retention.sweep.allow-as-of", "true", "rgpd.retention.sweep.enabled", "false")));
            for (ServiceProcess s : services) {
                s.awaitReady(Duration.ofMinutes(3));
            }

            Journey.Outcome outcome = new Journey(new Journey.Platform(services.get(0).uri(""),
                    services.get(1).uri(""), services.get(2).uri(""), keycloak.issuer(), infra.bootstrapServers(),
                    PEPPER), System.out).run();

            assertEquals(10, outcome.steps());
            assertNotNull(outcome.proofId());
            assertTrue(outcome.deletionDueOn().isAfter(outcome.accessDueOn()), "the deletion is years away");
        } finally {
            services.forEach(ServiceProcess::close);
        }
        for (ServiceProcess s : services) {
            assertFalse(s.alive(), s.log() + ": stopped");
        }
    }

    static ServiceProcess start(SharedInfra infra, KeycloakServer keycloak, String name, String database,
            Map<String, String> extra) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(infra.newDatabase("e2e_" + database)));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("%prod.quarkus.oidc.auth-server-url", keycloak.issuer());
        config.put("rgpd.pseudonymisation.pepper", PEPPER);
        config.putAll(extra);
        return ServiceProcess.start(ROOT.resolve(name), name + "-e2e", config);
    }
}
