package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;
import fr.assurancemaladie.rgpd.retention.lifecycle.law.PublisherScope;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventReader;
import fr.assurancemaladie.rgpd.support.messaging.DeadLetterQueue;
import fr.assurancemaladie.rgpd.support.messaging.Headers;
import fr.assurancemaladie.rgpd.support.messaging.IncomingCloudEvent;
import fr.assurancemaladie.rgpd.support.messaging.InvalidRecord;
import fr.assurancemaladie.rgpd.support.messaging.ResilientConsumer;
import fr.assurancemaladie.rgpd.support.messaging.Retrying;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code lifecycle.events} a poll at a time. Each batch is written in one transaction (events, schedules,
 * litigation holds), then its rejected records go to {@code lifecycle.events.dlq}, then the batch is acknowledged:
 * a crash anywhere before that means the batch is read again, and the CloudEvent identity makes the second reading
 * change nothing. Records of a person share a partition (key = subjectRef), so they are applied in order.
 *
 * <p>Each record names its publisher: the access token of the system that produced it, in the
 * {@value PublisherTokens#HEADER} header; the event must fit that system's scope ({@link PublisherScope}), or it is
 * dead-lettered with the reason ({@code rgpd.retention.publishers.verify-kafka-records}, true by default).
 *
 * <p>Records are CloudEvents in either content mode ({@code CloudEventReader}). No record can stop the consumer:
 * whatever cannot be read, or breaks the contract, is dead-lettered with its reason; a value the database refuses
 * despite the checks sends the batch through one record at a time, so that only that record is dead-lettered.
 */
@ApplicationScoped
public class LifecycleIngestion {

    private static final Logger LOG = Logger.getLogger(LifecycleIngestion.class);
    static final String CHANNEL = "lifecycle-events";
    /** A lifecycle event is a few hundred bytes: anything above this is refused unread. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    @Inject
    LifecycleStore store;

    @Inject
    DeadLetterQueue deadLetters;

    @Inject
    ResilientConsumer consumer;

    @Inject
    CloudEventReader reader;

    @Inject
    RetentionClock clock;

    @Inject
    PublisherTokens publishers;

    @Inject
    RetentionConfig config;

    @Inject
    MeterRegistry registry;

    private Counter stored;
    private Counter duplicates;
    private Counter rejected;
    private Counter schedules;

    @PostConstruct
    void meters() {
        stored = registry.counter("retention.lifecycle.events", "outcome", "stored");
        duplicates = registry.counter("retention.lifecycle.events", "outcome", "duplicate");
        rejected = registry.counter("retention.lifecycle.events", "outcome", "rejected");
        schedules = registry.counter("retention.schedules.created");
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onBatch(ConsumerRecords<byte[], byte[]> records) {
        LocalDate today = clock.today();
        Map<String, Object> verified = verifyPublishers(records);
        List<LifecycleEvent> valid = new ArrayList<>(records.count());
        List<ConsumerRecord<byte[], byte[]>> validRecords = new ArrayList<>(records.count());
        List<DeadLetterQueue.Rejected> invalid = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                valid.add(read(record, today, verified));
                validRecords.add(record);
            } catch (LifecycleEvents.InvalidEvent | InvalidRecord e) {
                invalid.add(new DeadLetterQueue.Rejected(record, e.getMessage()));
            } catch (RuntimeException e) {
                LOG.errorf("Lifecycle record %s-%d@%d could not be read (%s): dead-lettered", record.topic(),
                        record.partition(), record.offset(), e.getClass().getName());
                invalid.add(new DeadLetterQueue.Rejected(record, "Enregistrement illisible ("
                        + e.getClass().getSimpleName() + ")."));
            }
        }
        try {
            count(storeRetrying(valid));
        } catch (InvalidRecord refusedByTheDatabase) {
            // one value the checks let through and the database refuses: find it, one record at a time
            for (int i = 0; i < valid.size(); i++) {
                try {
                    count(storeRetrying(List.of(valid.get(i))));
                } catch (InvalidRecord e) {
                    invalid.add(new DeadLetterQueue.Rejected(validRecords.get(i), e.getMessage()));
                }
            }
        }
        if (!invalid.isEmpty()) {
            Retrying.untilDone(() -> {
                deadLetters.send(CHANNEL, invalid);
                return null;
            }, consumer.running(), LOG, invalid.size() + " rejected lifecycle records (dead-letter topic)");
            rejected.increment(invalid.size());
        }
    }

    private LifecycleStore.Outcome storeRetrying(List<LifecycleEvent> events) {
        return Retrying.untilDone(() -> store.store(events), consumer.running(), LOG,
                events.size() + " lifecycle events");
    }

    private void count(LifecycleStore.Outcome outcome) {
        stored.increment(outcome.events());
        duplicates.increment(outcome.duplicates());
        schedules.increment(outcome.schedules());
    }

    LifecycleEvent read(ConsumerRecord<byte[], byte[]> record, LocalDate today, Map<String, Object> verified)
            throws LifecycleEvents.InvalidEvent {
        IncomingCloudEvent cloudEvent = reader.read(record, MAX_RECORD_BYTES);
        LifecycleEvent event = LifecycleEvents.read(cloudEvent, today);
        if (cloudEvent.key() != null && !cloudEvent.key().equals(event.subjectRef())) {
            throw new LifecycleEvents.InvalidEvent("La clé de l'enregistrement doit être le subjectRef des données.");
        }
        if (config.publishers().verifyKafkaRecords()) {
            String token = Headers.text(record, PublisherTokens.HEADER);
            Object publisher = token == null ? null : verified.get(token);
            if (publisher == null) {
                throw new LifecycleEvents.InvalidEvent(PublisherTokens.UNIDENTIFIED);
            }
            if (publisher instanceof String refusal) {
                throw new LifecycleEvents.InvalidEvent(refusal);
            }
            PublisherTokens.Verified who = (PublisherTokens.Verified) publisher;
            Optional<String> refusal = PublisherScope.outsideValidity(Instant.ofEpochMilli(record.timestamp()),
                    who.issuedAt(), who.expiresAt()).or(() -> who.scope().refusal(event));
            if (refusal.isPresent()) {
                throw new LifecycleEvents.InvalidEvent(refusal.get());
            }
        }
        return event;
    }

    /**
     * Each distinct publisher token of the batch, verified once: its {@link PublisherTokens.Verified}, or the reason
     * it is refused. While the realm's keys cannot be fetched, the batch waits (nothing is refused for that).
     */
    private Map<String, Object> verifyPublishers(ConsumerRecords<byte[], byte[]> records) {
        Map<String, Object> verified = new HashMap<>();
        if (!config.publishers().verifyKafkaRecords()) {
            return verified;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String token = Headers.text(record, PublisherTokens.HEADER);
            if (token != null && !verified.containsKey(token)) {
                verified.put(token, Retrying.untilDone(() -> {
                    try {
                        return publishers.verify(token);
                    } catch (LifecycleEvents.InvalidEvent e) {
                        return e.getMessage();
                    }
                }, consumer.running(), LOG, "Publisher token of a lifecycle record"));
            }
        }
        return verified;
    }
}
