package fr.assurancemaladie.rgpd.retention.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The service's "today": dates of the register's rules are French calendar days. */
@ApplicationScoped
public class RetentionClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock = Clock.system(PARIS);

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Clock clock() {
        return clock;
    }
}
