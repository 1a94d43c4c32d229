package fr.assurancemaladie.rgpd.register;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** register-service's own settings ({@code rgpd.register.*}); Quarkus's are in application.properties. */
@ConfigMapping(prefix = "rgpd.register")
public interface RegisterConfig {

    /** The official register, imported into an empty database at start. */
    Seed seed();

    /** The relay of register.fiches ({@code OutboxRelay}). */
    Outbox outbox();

    interface Seed {
        /** Import the register document when the database holds no fiche. */
        @WithDefault("true")
        boolean enabled();

        /** Another document than the one shipped with the service (same format). */
        Optional<Path> file();
    }

    interface Outbox {
        /** Fiche versions sent per round. */
        @WithDefault("100")
        int batchSize();

        /** How long a round waits for Kafka's acknowledgements before leaving the rest to the next round. */
        @WithDefault("PT10S")
        Duration ackTimeout();

        /** Time between rounds (read by the scheduler as {@code ${rgpd.register.outbox.interval}}). */
        @WithDefault("1s")
        String interval();

        /** Delay of the first round after start. */
        @WithDefault("1s")
        String delay();
    }
}
