package fr.assurancemaladie.rgpd.testing;

import fr.assurancemaladie.rgpd.infra.ContextClassLoader;
import fr.assurancemaladie.rgpd.infra.EmbeddedKafkaBroker;
import fr.assurancemaladie.rgpd.infra.EmbeddedPostgresServer;
import fr.assurancemaladie.rgpd.infra.PlatformTopics;
import fr.assurancemaladie.rgpd.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL and one embedded Kafka broker per JVM, on random ports, stopped by a shutdown hook.
 *
 * <p>This class must be loaded once per JVM even though Quarkus restarts the application (and its class loader)
 * between test profiles: services list {@code test-infrastructure} and {@code embedded-infra} in {@code quarkus.class-loading.parent-first-artifacts}.
 */
public final class SharedInfra {

    private static SharedInfra instance;

    private volatile EmbeddedPostgresServer postgres;
    private final Path postgresDir;
    private volatile EmbeddedKafkaBroker kafka;
    private final Path kafkaDir;
    private final int kafkaPort;
    private final int controllerPort;
    private final AtomicInteger databases = new AtomicInteger();

    private SharedInfra(EmbeddedPostgresServer postgres, Path postgresDir, EmbeddedKafkaBroker kafka, Path kafkaDir,
            int controllerPort) {
        this.postgres = postgres;
        this.postgresDir = postgresDir;
        this.kafka = kafka;
        this.kafkaDir = kafkaDir;
        this.kafkaPort = kafka.port();
        this.controllerPort = controllerPort;
    }

    /**
     * Stops the broker (same port and data kept) so a test can prove what happens while Kafka is down; call
     * {@link #startKafka()} before the test ends.
     */
    public synchronized void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same port with the same data. */
    public synchronized void startKafka() throws Exception {
        kafka = ContextClassLoader.ofInfrastructure(() -> EmbeddedKafkaBroker.start(kafkaDir, kafkaPort, controllerPort));
    }

    /**
     * Stops PostgreSQL (its data and port kept) so a test can prove what happens while the database is away; call
     * {@link #startPostgres()} before the test ends.
     */
    public synchronized void stopPostgres() throws IOException {
        postgres.close();
    }

    /** Starts PostgreSQL again on the same port with the same data. */
    public synchronized void startPostgres() throws Exception {
        int port = postgres.port();
        postgres = ContextClassLoader.ofInfrastructure(() -> EmbeddedPostgresServer.start(postgresDir,
                postgresDir.getParent().resolve("postgres-binaries"), port, false, true));
    }

    public static synchronized SharedInfra get() {
        if (instance == null) {
            try {
                instance = ContextClassLoader.ofInfrastructure(SharedInfra::start);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * The broker's and the database's chatter stays out of the build output in test JVMs that have no Quarkus log
     * settings (process and end-to-end tests); Quarkus tests set the same levels in their configuration. Held in a
     * field so that the levels are not garbage-collected with their loggers.
     */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    private static SharedInfra start() {
        for (String category : List.of("kafka", "state.change.logger", "org.apache.kafka", "io.zonky")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(category);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIET.add(logger);
        }
        try {
            Path base = baseDir();
            Path postgresDir = Files.createTempDirectory(base, "postgres-");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresDir,
                    base.resolve("postgres-binaries"), Ports.free(), false, true);
            EmbeddedKafkaBroker kafka;
            Path kafkaDir = Files.createTempDirectory(base, "kafka-");
            int controllerPort = Ports.free();
            try {
                kafka = EmbeddedKafkaBroker.start(kafkaDir, Ports.free(), controllerPort);
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            PlatformTopics.create(kafka.bootstrapServers(), 1);
            SharedInfra infra = new SharedInfra(postgres, postgresDir, kafka, kafkaDir, controllerPort);
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "local-stack-shutdown"));
            return infra;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code -Drgpd.stack.dir} (the build sets it under target/), else a temporary directory. */
    static Path baseDir() throws IOException {
        String configured = System.getProperty("rgpd.stack.dir");
        Path dir = configured != null ? Path.of(configured) : Files.createTempDirectory("rgpd-local-stack");
        return Files.createDirectories(dir);
    }

    /** A new, empty database: each Quarkus boot gets its own, so migrations always run from scratch. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        postgres.ensureDatabase(name);
        return name;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private void stop() {
        try {
            kafka.close();
        } catch (RuntimeException e) {
            System.err.println("Embedded Kafka did not stop cleanly: " + e);
        }
        try {
            postgres.close();
            deleteRecursively(postgresDir); // kept for restarts while the JVM ran, not beyond
        } catch (IOException | RuntimeException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
        }
    }
}
