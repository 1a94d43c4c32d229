package fr.assurancemaladie.rgpd.retention.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.retention.time.RetentionClock;
import fr.assurancemaladie.rgpd.support.messaging.Headers;
import fr.assurancemaladie.rgpd.support.messaging.Retrying;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * <p>Both CloudEvents modes are read: binary ({@code ce_*} headers, value = data) as the platform produces them, and
 * structured (value = the whole CloudEvent in JSON).
 */
@ApplicationScoped
public class LifecycleIngestion {

    private static final Logger LOG = Logger.getLogger(LifecycleIngestion.class);

    @Inject
    ObjectMapper json;

    @Inject
    LifecycleStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    RetentionClock clock;

    @Inject
    MeterRegistry registry;

    private Counter stored;
    private Counter duplicates;
    private Counter rejected;
    private Counter schedules;
    private volatile boolean running = true;

    @PostConstruct
    void meters() {
        stored = registry.counter("retention.lifecycle.events", "outcome", "stored");
        duplicates = registry.counter("retention.lifecycle.events", "outcome", "duplicate");
        rejected = registry.counter("retention.lifecycle.events", "outcome", "rejected");
        schedules = registry.counter("retention.schedules.created");
    }

    @Incoming("lifecycle-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        LocalDate today = clock.today();
        List<LifecycleEvent> valid = new ArrayList<>(records.count());
        List<DeadLetters.Rejected> invalid = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                valid.add(read(record, today));
            } catch (LifecycleEvents.InvalidEvent e) {
                invalid.add(new DeadLetters.Rejected(record, e.getMessage()));
            }
        }
        LifecycleStore.Outcome outcome = Retrying.untilDone(() -> store.store(valid), () -> running, LOG,
                valid.size() + " lifecycle events");
        stored.increment(outcome.events());
        duplicates.increment(outcome.duplicates());
        schedules.increment(outcome.schedules());
        if (!invalid.isEmpty()) {
            for (DeadLetters.Rejected r : invalid) {
                LOG.warnf("Lifecycle record %s-%d@%d sent to the dead-letter topic: %s", r.record().topic(),
                        r.record().partition(), r.record().offset(), r.reason());
            }
            Retrying.untilDone(() -> deadLetters.send(invalid).get(60, TimeUnit.SECONDS), () -> running, LOG,
                    invalid.size() + " rejected lifecycle records (dead-letter topic)");
            rejected.increment(invalid.size());
        }
    }

    LifecycleEvent read(ConsumerRecord<String, String> record, LocalDate today) throws LifecycleEvents.InvalidEvent {
        JsonNode value;
        try {
            value = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new LifecycleEvents.InvalidEvent("La valeur de l'enregistrement n'est pas du JSON.");
        }
        String id = Headers.text(record, "ce_id");
        LifecycleEvent event;
        if (id != null) {
            String specversion = Headers.text(record, "ce_specversion");
            if (specversion != null && !"1.0".equals(specversion)) {
                throw new LifecycleEvents.InvalidEvent("Version CloudEvents non prise en charge : " + specversion);
            }
            event = LifecycleEvents.read(Headers.text(record, "ce_source"), id, Headers.text(record, "ce_type"), value,
                    today);
        } else if (value != null && value.isObject() && value.has("specversion")) {
            event = LifecycleEvents.readStructured(value, today);
        } else {
            throw new LifecycleEvents.InvalidEvent("Pas un CloudEvent : en-têtes ce_id/ce_type absents et valeur "
                    + "non structurée.");
        }
        if (record.key() != null && !record.key().equals(event.subjectRef())) {
            throw new LifecycleEvents.InvalidEvent("La clé de l'enregistrement doit être le subjectRef des données.");
        }
        return event;
    }

    void stopRetrying(@Observes ShutdownEvent event) {
        running = false;
    }
}
