package fr.assurancemaladie.rgpd.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central server distribution, run as a child process in dev mode ({@code start-dev},
 * H2 storage under its home) with the {@code rgpd} realm imported.
 *
 * <p>The distribution is unpacked once into {@code home}; the first start also runs Keycloak's build step (about a
 * minute), later starts take about 15 s.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "rgpd";
    public static final String REALM_RESOURCE = "/keycloak/rgpd-realm.json";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param home      where the distribution is unpacked (kept between runs)
     * @param port      HTTP port on 127.0.0.1; the issuer is {@code http://127.0.0.1:<port>/realms/rgpd}
     * @param log       file receiving Keycloak's output
     * @param freshData drop Keycloak's own database first, so the realm is imported anew
     */
    public static KeycloakServer start(Path home, int port, Path log, boolean freshData, Duration timeout)
            throws IOException {
        KeycloakServer server = launch(home, port, log, freshData);
        try {
            server.awaitRealm(timeout, log);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Starts the process without waiting: the caller can register it for shutdown, then {@link #awaitRealm}. */
    public static KeycloakServer launch(Path home, int port, Path log, boolean freshData) throws IOException {
        unpackIfMissing(home);
        Path data = home.resolve("data");
        if (freshData) {
            deleteRecursively(data.resolve("h2"));
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("Realm file " + REALM_RESOURCE + " missing from embedded-infra");
            }
            Files.copy(realm, imports.resolve("rgpd-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(log.getParent());

        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://127.0.0.1:" + port, "--hostname-backchannel-dynamic=true",
                "--import-realm", "--log-level=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return new KeycloakServer(builder.start(), port);
    }

    /** Waits until the realm answers its discovery document; fails early if the process died. */
    public void awaitRealm(Duration timeout, Path log) throws IOException {
        HttpWait.untilOk(URI.create(issuer() + "/.well-known/openid-configuration"), process, timeout, "Keycloak", log);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Keycloak and every process it started (kc.sh execs java, but be thorough). */
    @Override
    public void close() {
        ProcessTrees.stop(process.toHandle(), Duration.ofSeconds(30));
    }

    static void unpackIfMissing(Path home) throws IOException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path zip = StackSettings.keycloakDistribution();
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ": build embedded-infra first (./mvnw -pl embedded-infra install), it fetches it from Maven Central");
        }
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        deleteRecursively(partial);
        Files.createDirectories(partial);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1); // strip keycloak-<version>/
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = partial.resolve(relative).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("Unsafe zip entry " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        deleteRecursively(home);
        Files.createDirectories(home.getParent());
        Files.move(partial, home);
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
