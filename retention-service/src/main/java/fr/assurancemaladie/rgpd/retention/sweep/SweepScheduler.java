package fr.assurancemaladie.rgpd.retention.sweep;

import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Runs the sweep on every replica at a fixed interval; the database shares the work out. */
@ApplicationScoped
public class SweepScheduler {

    private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

    @Inject
    Sweep sweep;

    @Inject
    RetentionClock clock;

    @Inject
    RetentionConfig config;

    private volatile boolean started;

    void started(@Observes StartupEvent event) {
        started = true;
    }

    @Scheduled(every = "${rgpd.retention.sweep.every:1m}", delay = 10, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.sweep().enabled() || !started) {
            return;
        }
        try {
            sweep.sweep(clock.today());
        } catch (RuntimeException e) {
            LOG.errorf("Sweep failed, the next one will take over: %s", e.getMessage());
        }
    }
}
