package fr.assurancemaladie.rgpd.rights.time;

import fr.assurancemaladie.rgpd.rights.RightsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's "today": receipts and legal deadlines are French calendar days. A fixed instant
 * ({@code rgpd.rights.clock.fixed}) is for tests whose expected dates are written by hand — never production.
 */
@ApplicationScoped
public class RightsClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock;

    RightsClock(RightsConfig config) {
        this.clock = config.clock().fixed().map(i -> Clock.fixed(i, PARIS)).orElse(Clock.system(PARIS));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Clock clock() {
        return clock;
    }
}
