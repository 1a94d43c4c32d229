package fr.assurancemaladie.rgpd.retention.report;

import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Deletion orders that no system confirmed within {@code rgpd.retention.confirmation-delay}: a gauge
 * ({@code retention.orders.unconfirmed}) for alerting and a warning in the log; the detail is in
 * {@code GET /api/v1/reports/overdue}.
 */
@ApplicationScoped
public class UnconfirmedOrdersWatch {

    private static final Logger LOG = Logger.getLogger(UnconfirmedOrdersWatch.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    RetentionConfig config;

    private final AtomicLong unconfirmed = new AtomicLong();

    @PostConstruct
    void gauge() {
        registry.gauge("retention.orders.unconfirmed", unconfirmed);
    }

    @Scheduled(every = "${rgpd.retention.confirmation-check.every:10m}", delay = 30,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from schedule_unconfirmed "
                        + "where ordered_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.confirmationDelay())));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                unconfirmed.set(n);
                if (n > 0) {
                    LOG.warnf("%d deletion orders not confirmed within %s (GET /api/v1/reports/overdue)", n,
                            config.confirmationDelay());
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot count unconfirmed orders: %s", e.getMessage());
        }
    }
}
