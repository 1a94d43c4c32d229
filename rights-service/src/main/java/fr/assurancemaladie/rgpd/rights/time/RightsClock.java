package fr.assurancemaladie.rgpd.rights.time;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The service's "today": receipts and legal deadlines are French calendar days. A fixed instant
 * ({@code rgpd.rights.clock.fixed}) is for tests whose expected dates are written by hand — never production.
 */
@ApplicationScoped
public class RightsClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Configuration of the clock. */
    @ConfigMapping(prefix = "rgpd.rights.clock")
    public interface Config {
        /** An instant the clock stands still at (tests only). */
        Optional<Instant> fixed();
    }

    private final Clock clock;

    RightsClock(Config config) {
        this.clock = config.fixed().map(i -> Clock.fixed(i, PARIS)).orElse(Clock.system(PARIS));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Clock clock() {
        return clock;
    }
}
