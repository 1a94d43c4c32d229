package fr.assurancemaladie.rgpd.rights.letter;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends the letters that have an address, through the platform's {@link OutboxRelay}: one replica, oldest first,
 * each letter marked once the SMTP server took it. SMTP down: the letters wait, and go when it is back (a letter
 * whose delivery may still complete is not handed over again). A letter the server refuses for good (a 5xx reply: an
 * address that does not exist) is marked UNDELIVERABLE, with the reply code, and the DPO posts it (its PDF); it
 * does not hold back the others. Each e-mail carries the letter's id as its Message-ID.
 */
@ApplicationScoped
public class LetterOutbox implements OutboxRelay.Outbox<Letter> {

    private static final Logger LOG = Logger.getLogger(LetterOutbox.class);

    @Inject
    SmtpClient smtp;

    @Inject
    DataSource dataSource;

    @Inject
    RightsConfig config;

    private OutboxRelay<Letter> relay;
    /** Letters refused for good in this round, with the reply code (marked UNDELIVERABLE instead of SENT). */
    private final Map<java.util.UUID, String> refused = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        relay = new OutboxRelay<>("letters (SMTP)", dataSource, AdvisoryLock.LETTER_RELAY, this,
                config.letters().batchSize(), config.letters().sendTimeout());
    }

    @Scheduled(every = "${rgpd.rights.letters.interval:2s}", delayed = "2s",
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
    public List<Letter> unsent(int limit) {
        return Letter.<Letter>find("delivery = ?1 order by createdAt, id", Letter.Delivery.PENDING).page(0, limit).list();
    }

    @Override
    public Object id(Letter l) {
        return l.id;
    }

    @Override
    public CompletableFuture<Void> send(Letter l) {
        java.util.UUID id = l.id;
        return smtp.send(l.recipient, l.subject, l.html, "<" + l.id + "@" + config.letters().messageIdDomain() + ">")
                .thenAccept(outcome -> {
                    if (!outcome.accepted()) {
                        refused.put(id, outcome.refusal());
                    }
                });
    }

    @Override
    public void sent(Letter l, Instant at) {
        String refusal = refused.remove(l.id);
        if (refusal != null) {
            LOG.warnf("Letter %s refused for good by the SMTP server (%s): to be posted", l.id, refusal);
            l.delivery = Letter.Delivery.UNDELIVERABLE;
            l.failure = refusal;
        } else {
            l.delivery = Letter.Delivery.SENT;
            l.sentAt = at;
        }
    }
}
