package fr.assurancemaladie.rgpd.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded server starts wherever the clone is: a folder far deeper than PostgreSQL's 107-byte limit on Unix
 * socket paths (a socket under it made every test fail as soon as the clone's path was about 20 characters long).
 */
class EmbeddedPostgresServerTest {

    @Test
    void startsUnderAPathLongerThanAUnixSocketMayBe() throws Exception {
        Path stack = Path.of(System.getProperty("rgpd.stack.dir", "target/local-stack"));
        Path deep = stack.resolve("a-folder-name-of-forty-characters-long-x").resolve("another-folder-of-forty-characters-long")
                .resolve("and-a-third-folder-forty-characters-lon");
        Files.createDirectories(deep);
        assertTrue(deep.toAbsolutePath().toString().length() > 120, deep.toString());
        int port = Ports.free();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Files.createTempDirectory(deep, "pg-"),
                stack.resolve("postgres-binaries"), port, false)) {
            server.ensureDatabase("deep_path");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("deep_path"), EmbeddedPostgresServer.USER, "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select current_database()")) {
                rs.next();
                assertEquals("deep_path", rs.getString(1));
            }
        }
    }
}
