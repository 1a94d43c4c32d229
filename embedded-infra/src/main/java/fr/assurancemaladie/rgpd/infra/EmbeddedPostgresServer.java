package fr.assurancemaladie.rgpd.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A PostgreSQL 17 server from zonky's embedded binaries, on 127.0.0.1. One server holds one database per service
 * (or per Quarkus boot in tests).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * @param baseDir    holds the data directory
     * @param binaries   where zonky unpacks the PostgreSQL binaries (shared, unpacked once)
     * @param port       TCP port on 127.0.0.1
     * @param persistent keep the data between runs (local run) or start empty and skip fsync (tests)
     */
    public static EmbeddedPostgresServer start(Path baseDir, Path binaries, int port, boolean persistent)
            throws IOException {
        return start(baseDir, binaries, port, persistent, persistent);
    }

    /**
     * @param durable  fsync and synchronous commits (the local run), or neither (tests)
     * @param keepData keep the data directory when stopped, so that a server started again on it finds its data (a
     *                 test that stops PostgreSQL in the middle of its work), or start empty and delete it at stop
     */
    public static EmbeddedPostgresServer start(Path baseDir, Path binaries, int port, boolean durable,
            boolean keepData) throws IOException {
        Path data = baseDir.resolve("data");
        Path work = Files.createDirectories(binaries);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(!keepData)
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only: a Unix socket path may not exceed 107 bytes, which a socket under the clone's own
                // folder soon does (a clone path of about 20 characters was enough to break every test)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "300")
                // PostgreSQL's default (128MB) unless told: benchmarks give it the memory a production server has
                .setServerConfig("shared_buffers", System.getProperty("rgpd.postgres.shared-buffers", "128MB"))
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false) // stopped by its owner, after the processes that use it
                .start();
        return new EmbeddedPostgresServer(postgres, port);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code name} unless it exists. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
