package fr.assurancemaladie.rgpd.register.importer;

import fr.assurancemaladie.rgpd.register.RegisterConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * At start, imports the official register (shipped in the service's resources, or a file given by
 * {@code rgpd.register.seed.file}) when the register is empty. Several replicas starting together import once.
 */
@ApplicationScoped
public class RegisterSeeder {

    private static final Logger LOG = Logger.getLogger(RegisterSeeder.class);
    static final String RESOURCE = "register/registre-des-traitements.txt";
    public static final String SEED_USER = "import";

    @Inject
    RegisterConfig config;

    @Inject
    RegisterImporter importer;

    void onStart(@Observes StartupEvent event) {
        if (!config.seed().enabled()) {
            return;
        }
        importer.seedIfEmpty(document(), SEED_USER).ifPresentOrElse(
                imported -> LOG.infof("Register seeded from the official document: %d fiches published, %d anomalies handled",
                        imported.published(), imported.report().anomalies().size()),
                () -> LOG.debug("Register already holds fiches: no seeding"));
    }

    /** The official document as shipped. */
    public String document() {
        Optional<Path> file = config.seed().file();
        if (file.isPresent()) {
            try {
                return Files.readString(file.get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read rgpd.register.seed.file " + file.get(), e);
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
