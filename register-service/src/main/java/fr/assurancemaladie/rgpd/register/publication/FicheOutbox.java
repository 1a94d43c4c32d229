package fr.assurancemaladie.rgpd.register.publication;

import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.register.RegisterConfig;
import fr.assurancemaladie.rgpd.register.fiche.FicheCodec;
import fr.assurancemaladie.rgpd.register.fiche.FicheService;
import fr.assurancemaladie.rgpd.register.fiche.FicheVersion;
import fr.assurancemaladie.rgpd.support.outbox.OutboxRelay;
import fr.assurancemaladie.rgpd.support.persistence.AdvisoryLock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Transactional outbox of {@code register.fiches}: a published version is written with {@code event_sent_at}
 * null, in the same transaction as the publication; the platform's {@link OutboxRelay} sends such versions and marks
 * them once Kafka has acknowledged them. A restart sends only what was never acknowledged, so nothing unchanged is
 * published twice. At-least-once: consumers ignore versions they have.
 */
@ApplicationScoped
public class FicheOutbox implements OutboxRelay.Outbox<FicheVersion> {

    @Inject
    FichePublisher publisher;

    @Inject
    FicheService fiches;

    @Inject
    FicheCodec codec;

    @Inject
    DataSource dataSource;

    @Inject
    RegisterConfig config;

    private OutboxRelay<FicheVersion> relay;

    @PostConstruct
    void init() {
        relay = new OutboxRelay<>(Topics.REGISTER_FICHES, dataSource, AdvisoryLock.REGISTER_RELAY, this,
                config.outbox().batchSize(), config.outbox().ackTimeout());
    }

    @Scheduled(every = "${rgpd.register.outbox.interval:1s}", delayed = "${rgpd.register.outbox.delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relay();
    }

    void onStarted(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        relay.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<FicheVersion> unsent(int limit) {
        return FicheVersion.getEntityManager().createNativeQuery("""
                select * from fiche_version
                where status = 'PUBLISHED' and event_sent_at is null
                order by number limit :batch""", FicheVersion.class).setParameter("batch", limit).getResultList();
    }

    @Override
    public Object id(FicheVersion v) {
        return v.number + "/" + v.version;
    }

    @Override
    public CompletableFuture<Void> send(FicheVersion v) {
        return publisher.published(v.number, codec.toJson(fiches.view(v).published())).toCompletableFuture();
    }

    @Override
    public void sent(FicheVersion v, Instant at) {
        v.eventSentAt = at;
    }
}
