package fr.assurancemaladie.rgpd.testing;

import fr.assurancemaladie.rgpd.infra.EmbeddedPostgresServer;
import fr.assurancemaladie.rgpd.infra.EmbeddedSmtpServer;
import fr.assurancemaladie.rgpd.infra.KeycloakServer;
import fr.assurancemaladie.rgpd.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a service's Quarkus test resources return, as plain maps.
 *
 * <p>This module is loaded parent-first in tests ({@code quarkus.class-loading.parent-first-artifacts}), so that the
 * broker, the database server and Keycloak outlive each Quarkus restart. The test resource classes themselves must
 * belong to the Quarkus class loader, so each service keeps a three-line adapter in its test sources that calls
 * these methods.
 */
public final class TestInfrastructure {

    private static KeycloakServer keycloak;

    private static EmbeddedSmtpServer smtp;

    private TestInfrastructure() {
    }

    /**
     * The JVM's shared PostgreSQL and Kafka ({@link SharedInfra}), a fresh database for this Quarkus boot, and
     * OIDC verification of {@link TestTokens}: real signed JWTs checked by quarkus-oidc with the public key.
     */
    public static Map<String, String> postgresKafkaAndTestTokens() {
        SharedInfra infra = SharedInfra.get();
        String database = infra.newDatabase("test");
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.putAll(TestTokens.oidcConfig());
        return config;
    }

    /**
     * A real SMTP server (GreenMail), once per JVM on a random port, and the settings that send to it under
     * {@code prefix} ({@code host}, {@code port}): {@link #smtp()} reads what it received, stops and starts it.
     */
    public static Map<String, String> smtpSettings(String prefix) {
        EmbeddedSmtpServer server = smtp();
        Map<String, String> config = new HashMap<>();
        config.put(prefix + ".host", "127.0.0.1");
        config.put(prefix + ".port", Integer.toString(server.port()));
        return config;
    }

    public static synchronized EmbeddedSmtpServer smtp() {
        if (smtp == null) {
            smtp = EmbeddedSmtpServer.start(Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::close, "smtp-shutdown"));
        }
        return smtp;
    }

    /**
     * The real Keycloak with the {@code rgpd} realm, once per JVM on a random port; the service discovers it through
     * {@code quarkus.oidc.auth-server-url} as in production. Overrides the settings of {@link TestTokens}, so the
     * resource returning this must come after the one returning {@link #postgresKafkaAndTestTokens()}.
     */
    public static Map<String, String> keycloakOidc() {
        KeycloakServer server = keycloak();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", server.issuer());
        config.put("quarkus.oidc.public-key", "");
        config.put("quarkus.oidc.token.issuer", "");
        return config;
    }

    /** Stops Keycloak (a test proving what happens while it is away); {@link #startKeycloak()} brings it back. */
    public static synchronized void stopKeycloak() {
        keycloak().close();
    }

    /** Starts Keycloak again on the same port with the same data (its keys, so tokens issued before stay valid). */
    public static synchronized void startKeycloak() {
        int port = keycloak().port();
        try {
            Path base = SharedInfra.baseDir();
            keycloak = KeycloakServer.start(base.resolve("keycloak"), port, base.resolve("keycloak.log"), false,
                    Duration.ofMinutes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            try {
                Path base = SharedInfra.baseDir();
                keycloak = KeycloakServer.start(base.resolve("keycloak"), Ports.free(), base.resolve("keycloak.log"),
                        true, Duration.ofMinutes(5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (TestInfrastructure.class) {
                    keycloak.close();
                }
            }, "keycloak-shutdown"));
        }
        return keycloak;
    }
}
