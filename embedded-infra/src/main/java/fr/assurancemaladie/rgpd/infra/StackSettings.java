package fr.assurancemaladie.rgpd.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Where things are: versions filtered in by Maven, the local Maven repository, the realm file. */
public final class StackSettings {

    private static final Properties PROPERTIES = load();

    private StackSettings() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = StackSettings.class.getResourceAsStream("/embedded-infra.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static String keycloakVersion() {
        return PROPERTIES.getProperty("keycloak.version");
    }

    /** The local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path mavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The Keycloak server distribution zip, as Maven fetched it while building embedded-infra. */
    public static Path keycloakDistribution() {
        String v = keycloakVersion();
        return mavenRepository().resolve("org/keycloak/keycloak-quarkus-dist/" + v + "/keycloak-quarkus-dist-" + v + ".zip");
    }
}
