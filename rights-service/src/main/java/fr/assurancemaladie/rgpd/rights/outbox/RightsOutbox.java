package fr.assurancemaladie.rgpd.rights.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.RightsEventData;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.rights.RightsConfig;
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
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Transactional outbox of {@code rights.events}. {@link #append} writes an event in the caller's transaction (the
 * one that changes the request), so a submission never fails because Kafka is down and no change goes unreported.
 * The platform's {@link OutboxRelay} sends unsent events in id order from one replica and marks each one sent once
 * Kafka acknowledged it. Events of one person are numbered in commit order (a per-person lock in {@link #append}).
 */
@ApplicationScoped
public class RightsOutbox implements OutboxRelay.Outbox<OutboxEvent> {

    @Inject
    ObjectMapper mapper;

    @Inject
    RightsEventSender sender;

    @Inject
    DataSource dataSource;

    @Inject
    RightsConfig config;

    private OutboxRelay<OutboxEvent> relay;

    @PostConstruct
    void init() {
        relay = new OutboxRelay<>(Topics.RIGHTS_EVENTS, dataSource, AdvisoryLock.RIGHTS_RELAY, this, config.outbox().batchSize(),
                config.outbox().ackTimeout());
    }

    /**
     * Serialises the current transaction with every other one about the same person, until it ends (the lock
     * {@link #append} takes too): what a submission reads of the person's earlier requests stays true until it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPerson(String subjectRef) {
        OutboxEvent.getEntityManager()
                .createNativeQuery("select 1 from " + AdvisoryLock.PERSON_EVENTS.exclusive("hashtext(:key)"))
                .setParameter("key", subjectRef).getSingleResult();
    }

    /** Writes an event in the current transaction; the key is the person's {@code subjectRef}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, RightsEventData data) {
        // events of one person are numbered in commit order: concurrent transactions for the same person wait here
        OutboxEvent.getEntityManager()
                .createNativeQuery("select 1 from " + AdvisoryLock.PERSON_EVENTS.exclusive("hashtext(:key)"))
                .setParameter("key", data.subjectRef()).getSingleResult();
        OutboxEvent e = new OutboxEvent();
        e.eventId = UUID.randomUUID();
        e.type = type;
        e.recordKey = data.subjectRef();
        try {
            e.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise a rights event", ex);
        }
        e.createdAt = Instant.now();
        e.persist();
    }

    @Scheduled(every = "${rgpd.rights.outbox.interval:1s}", delayed = "1s",
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
    public List<OutboxEvent> unsent(int limit) {
        return OutboxEvent.<OutboxEvent>find("sentAt is null order by id").page(0, limit).list();
    }

    @Override
    public Object id(OutboxEvent e) {
        return e.eventId;
    }

    @Override
    public CompletableFuture<Void> send(OutboxEvent e) {
        return sender.send(e);
    }

    @Override
    public void sent(OutboxEvent e, Instant at) {
        e.sentAt = at;
    }
}
