package fr.assurancemaladie.rgpd.localstack;

import fr.assurancemaladie.rgpd.infra.EmbeddedKafkaBroker;
import fr.assurancemaladie.rgpd.infra.EmbeddedPostgresServer;
import fr.assurancemaladie.rgpd.infra.EmbeddedSmtpServer;
import fr.assurancemaladie.rgpd.infra.KeycloakServer;
import fr.assurancemaladie.rgpd.infra.StackSettings;
import fr.assurancemaladie.rgpd.infra.PlatformTopics;
import fr.assurancemaladie.rgpd.infra.Ports;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run-local}: the whole platform on this machine, with nothing but a JDK. PostgreSQL and Kafka run in this
 * JVM's care (PostgreSQL as a child process, the broker in-process), Keycloak and the three services as child
 * processes. Data persist under {@code .local-data/}; {@code --reset} starts from empty. Ctrl-C or SIGTERM stops
 * everything, children first.
 */
public final class LocalRun {

    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    static final int KEYCLOAK_PORT = 8180;
    /** The local SMTP server (GreenMail) that receives the letters, and its mailbox page. */
    static final int SMTP_PORT = 3025;
    static final int MAILBOX_PORT = 8025;
    static final String PEPPER = "local-run-pepper-not-a-secret";
    /** What a client of the running stack needs to find it (written at start, read by --demo). */
    static final String STACK_FILE = "stack.properties";

    /** A service, its database, its API port and its management port (health, metrics). */
    record Service(String name, String database, int port, int managementPort) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("register-service", "register", 8081, 9081),
            new Service("rights-service", "rights", 8082, 9082),
            new Service("retention-service", "retention", 8083, 9083),
            new Service("portal", "portal", 8080, 9080));

    private final Path root;
    private final Path data;
    private final PrintStream out = System.out;
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile boolean stopping;

    LocalRun(Path root) {
        this.root = root;
        this.data = root.resolve(".local-data");
    }

    public static void main(String[] args) throws Exception {
        boolean reset = List.of(args).contains("--reset");
        Path root = Path.of(System.getProperty("rgpd.root", ".")).toAbsolutePath().normalize();
        if (List.of(args).contains("--demo")) {
            System.exit(demo(root));
        }
        LocalRun run = new LocalRun(root);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-run-shutdown"));
        try {
            run.start(reset);
        } catch (Exception e) {
            System.err.println("\nThe local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    void start(boolean reset) throws Exception {
        lock();
        if (reset) {
            out.println("Resetting: deleting " + data);
            KeycloakServer.deleteRecursively(data);
        }
        Files.createDirectories(data.resolve("logs"));

        int pgPort = Ports.firstFreeFrom(POSTGRES_PORT);
        step("PostgreSQL 17 on 127.0.0.1:" + pgPort);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"),
                data.resolve("postgres-binaries"), pgPort, true);
        register(postgres);
        for (Service s : SERVICES) {
            postgres.ensureDatabase(s.database());
        }

        int kafkaPort = Ports.firstFreeFrom(KAFKA_PORT);
        int controllerPort = Ports.firstFreeFrom(kafkaPort + 1);
        step("Kafka (KRaft) on 127.0.0.1:" + kafkaPort);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"), kafkaPort, controllerPort);
        register(kafka);
        PlatformTopics.create(kafka.bootstrapServers(), 3);
        Files.writeString(data.resolve(STACK_FILE), "kafka.bootstrap.servers=" + kafka.bootstrapServers() + "\n"
                + "postgres.port=" + pgPort + "\n");

        int smtpPort = Ports.firstFreeFrom(SMTP_PORT);
        step("SMTP (GreenMail) on 127.0.0.1:" + smtpPort + ", mailbox on http://127.0.0.1:" + MAILBOX_PORT);
        requireFree(MAILBOX_PORT, "the local mailbox page");
        EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(smtpPort);
        register(smtp);
        smtp.serveMailbox(MAILBOX_PORT);
        this.smtpPort = smtpPort;

        requireFree(KEYCLOAK_PORT, "Keycloak (the token issuer is http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/rgpd)");
        for (Service s : SERVICES) {
            requireFree(s.port(), s.name());
            requireFree(s.managementPort(), s.name() + " (management: health, metrics)");
        }
        step("Keycloak " + StackSettings.keycloakVersion() + " on 127.0.0.1:" + KEYCLOAK_PORT
                + " (first start builds Keycloak: about a minute)");
        Path keycloakLog = data.resolve("logs/keycloak.log");
        KeycloakServer keycloak = KeycloakServer.launch(data.resolve("keycloak"), KEYCLOAK_PORT, keycloakLog, false);
        register(keycloak);
        keycloak.awaitRealm(Duration.ofMinutes(5), keycloakLog);

        List<ServiceProcess> services = new ArrayList<>();
        for (Service s : SERVICES) {
            step(s.name() + " on 127.0.0.1:" + s.port());
            ServiceProcess p = startService(s, postgres, kafka, keycloak);
            register(p);
            services.add(p);
        }
        for (ServiceProcess p : services) {
            p.awaitReady(Duration.ofMinutes(3));
        }
        banner(pgPort, kafka);
    }

    /** {@code ./run-local --demo}: plays the whole journey against the stack another {@code ./run-local} runs. */
    static int demo(Path root) {
        Path stack = root.resolve(".local-data").resolve(STACK_FILE);
        try {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(stack)) {
                p.load(in);
            }
            System.out.println("The journey of citoyen.paris across the three services (docs/design.md), against the "
                    + "running local stack.");
            new fr.assurancemaladie.rgpd.journey.Journey(new fr.assurancemaladie.rgpd.journey
                    .Journey.Platform(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
                    URI.create("http://127.0.0.1:8083"), "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/rgpd",
                    p.getProperty("kafka.bootstrap.servers"), PEPPER), System.out).run();
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("No local stack found (" + stack + "): start it first with ./run-local in another "
                    + "terminal.");
            return 2;
        } catch (Exception e) {
            System.err.println("\nThe journey stopped: " + e.getMessage());
            return 1;
        }
    }

    private int smtpPort = SMTP_PORT;

    private ServiceProcess startService(Service s, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
            KeycloakServer keycloak) throws IOException {
        Map<String, String> config = serviceConfig(s, postgres.jdbcUrl(s.database()), kafka.bootstrapServers(),
                keycloak.issuer(), smtpPort);
        return ServiceProcess.start(root.resolve(s.name()), s.name(), s.port(), s.managementPort(), config,
                data.resolve("logs/" + s.name() + ".log"));
    }

    /** A service's configuration in the local run (also what StartupBench gives a second replica). */
    static Map<String, String> serviceConfig(Service s, String jdbcUrl, String bootstrapServers, String issuer,
            int smtpPort) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("rgpd.pseudonymisation.pepper", PEPPER);
        if (s.name().equals("retention-service")) {
            // the demo sweeps "as of" a later day; never in production
            config.put("rgpd.retention.sweep.allow-as-of", "true");
        }
        if (s.name().equals("rights-service")) {
            config.put("rgpd.rights.letters.smtp.port", Integer.toString(smtpPort));
        }
        if (s.name().equals("portal")) {
            config.putAll(portalConfig());
        }
        return config;
    }

    /** The portal of the local run: the dev realm's client secret, a dev session key, cookies over plain http. */
    static Map<String, String> portalConfig() {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("quarkus.oidc.credentials.secret", "rgpd-portal-dev-secret");
        config.put("rgpd.portal.session.key", "bG9jYWwtcnVuLXNlc3Npb24ta2V5LW5vdC1hLXNlY3I=");
        config.put("quarkus.oidc.authentication.cookie-force-secure", "false");
        for (Service s : SERVICES) {
            if (!s.name().equals("portal")) {
                config.put("quarkus.rest-client." + s.database() + ".url", "http://127.0.0.1:" + s.port());
            }
        }
        return config;
    }

    /**
     * Remembers something to stop. Called as soon as a child exists, so that Ctrl-C during a long start (Keycloak's
     * first build) stops it too; once stopping has begun, the child is stopped at once and the start aborts.
     */
    private synchronized void register(AutoCloseable child) throws Exception {
        if (stopping) {
            child.close();
            throw new IllegalStateException("stopped while starting");
        }
        started.add(child);
    }

    /** Taken before anything else, outside .local-data so that --reset cannot delete it under a running stack. */
    private void lock() throws Exception {
        Path lockFile = root.resolve("target/run-local.lock");
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another ./run-local is already running here");
        }
        register(channel);
    }

    private static void requireFree(int port, String what) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken; it is needed by " + what);
        }
    }

    private void step(String what) {
        out.println("… starting " + what);
    }

    /** Stops what started, most recent first: services, Keycloak, Kafka, PostgreSQL. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (!started.isEmpty()) {
            out.println("\nStopping the local stack…");
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("  while stopping: " + e);
            }
        }
        if (!started.isEmpty()) {
            out.println("Stopped.");
        }
        started.clear();
    }

    private void banner(int pgPort, EmbeddedKafkaBroker kafka) {
        String token = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/rgpd/protocol/openid-connect/token";
        String text = """

                ================================================================================
                 RGPD platform: ready
                ================================================================================
                 register-service   http://127.0.0.1:8081/q/swagger-ui
                 rights-service     http://127.0.0.1:8082/q/swagger-ui
                 letters (e-mails)  http://127.0.0.1:8025 (what the local SMTP server received; JSON: /messages)
                 retention-service  http://127.0.0.1:8083/q/swagger-ui
                 Portal             http://127.0.0.1:8080  (the register, Mes demandes, the DPO console, the editor)
                 Health, metrics    http://127.0.0.1:9081/q/health  (9082, 9083, 9080: management interfaces)
                 Keycloak           http://127.0.0.1:%d  (realm rgpd; console: admin / admin)
                 PostgreSQL         127.0.0.1:%d  user postgres, databases register, rights, retention, portal
                 Kafka              %s
                 Logs               %s

                 Demo accounts (password = user name; dev only):
                   citoyen.paris  citizen   CPAM-75      dpo.paris  dpo  CPAM-75
                   citoyen.metz   citizen   CPAM-57      dpo.metz   dpo  CPAM-57
                   editeur        register-editor        dpo.cnam   dpo  CNAM
                   admin          admin
                   client sih-lifecycle / sih-lifecycle-dev-secret (client credentials, lifecycle-publisher)

                 Get a token and ask a service who you are:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=rgpd-cli -d username=citoyen.paris \\
                     -d password=citoyen.paris %s \\
                     | sed -E 's/.*"access_token":"([^"]+)".*/\\1/') && \\
                   curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8082/api/v1/me; echo

                 Ctrl-C stops everything. Data stay in .local-data/ (./run-local --reset starts empty).
                ================================================================================
                """.formatted(KEYCLOAK_PORT, pgPort, kafka.bootstrapServers(), data.resolve("logs"), token);
        out.println(text);
        out.flush();
    }
}
