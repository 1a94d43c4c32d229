package fr.assurancemaladie.rgpd.rights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** rights-service's own settings ({@code rgpd.rights.*}); Quarkus's are in application.properties. */
@ConfigMapping(prefix = "rgpd.rights")
public interface RightsConfig {

    /**
     * The fiches of national processing (the Cnam is their controller): a request on them goes to the Cnam's DPO,
     * the rest to the person's caisse ({@code Routing}).
     */
    Optional<Set<Integer>> nationalFiches();

    /** The relay of rights.events ({@code OutboxRelay}). */
    Outbox outbox();

    /** The service's "today" ({@code RightsClock}). */
    Clock clock();

    interface Outbox {
        /** Events sent per round. */
        @WithDefault("200")
        int batchSize();

        /** How long a round waits for Kafka's acknowledgements before leaving the rest to the next round. */
        @WithDefault("PT10S")
        Duration ackTimeout();

        /** Time between rounds (read by the scheduler as {@code ${rgpd.rights.outbox.interval}}). */
        @WithDefault("1s")
        String interval();
    }

    interface Clock {
        /** An instant the clock stands still at (tests whose dates are written by hand only, never production). */
        Optional<Instant> fixed();
    }
}
