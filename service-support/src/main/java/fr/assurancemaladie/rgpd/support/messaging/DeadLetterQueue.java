package fr.assurancemaladie.rgpd.support.messaging;

import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * Every consumer's dead-letter topic: a rejected record goes to {@code <topic>.dlq} as it came (key, value, headers)
 * with the headers SmallRye's own dead-letter strategy writes ({@code dead-letter-reason} in French,
 * {@code -topic}, {@code -partition}, {@code -offset}) and {@code dead-letter-channel}; one tool reads every DLQ.
 *
 * <ul>
 * <li>A copy Kafka refuses as too large (a 2 MB value, or headers to match) is replaced by a truncated one —
 * the first {@value #TRUNCATED_VALUE_BYTES} bytes of the value, the CloudEvents headers (at most
 * {@value #TRUNCATED_HEADERS} of them, {@value #TRUNCATED_HEADER_BYTES} bytes in all), and
 * {@code dead-letter-truncated: true} with {@code dead-letter-original-size}; if even that is refused, by a bare one
 * (the reason and the coordinates, no original header, the first {@value #BARE_VALUE_BYTES} bytes) — so the reason
 * and the coordinates always arrive and the partition never waits on a record Kafka will never take.</li>
 * <li>Any other failure (the broker is down) is thrown: the consumer holds the partition and tries again, because a
 * record that reached neither the database nor the DLQ would be lost.</li>
 * <li>A bearer credential carried by a record ({@value #PUBLISHER_TOKEN_HEADER}) is never copied.</li>
 * <li>{@code rgpd_dead_letters_total{channel, topic}} counts them on {@code /q/metrics}.</li>
 * </ul>
 */
@ApplicationScoped
public class DeadLetterQueue {

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    public static final String PUBLISHER_TOKEN_HEADER = "rgpd-publisher-token";
    static final int TRUNCATED_VALUE_BYTES = 16 * 1024;
    static final int TRUNCATED_HEADERS = 32;
    static final int TRUNCATED_HEADER_BYTES = 8 * 1024;
    static final int BARE_VALUE_BYTES = 4 * 1024;

    /** How much of the rejected record a dead letter carries. */
    enum Copy { WHOLE, TRUNCATED, BARE }
    static final int MAX_REASON = 1000;
    private static final Set<String> KEPT_WHEN_TRUNCATED_PREFIXES = Set.of("ce_", "content-type", "dead-letter-");

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    private volatile KafkaProducer<byte[], byte[]> producer;

    /** A record and why it goes to the dead-letter topic. */
    public record Rejected(ConsumerRecord<byte[], byte[]> record, String reason) {
    }

    /**
     * Sends each rejected record to its topic's DLQ and returns once Kafka has every one (whole, or truncated when
     * too large).
     *
     * @throws IllegalStateException when Kafka did not take them: retry (nothing may be skipped)
     */
    public void send(String channel, List<Rejected> rejected) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rejected.size());
        for (Rejected r : rejected) {
            acks.add(producer().send(copy(r, Copy.WHOLE, channel)));
        }
        for (int i = 0; i < rejected.size(); i++) {
            Rejected r = rejected.get(i);
            try {
                await(acks.get(i));
            } catch (RecordTooLargeException e) {
                LOG.warnf("Dead letter %s-%d@%d too large for Kafka: a truncated copy is sent instead",
                        r.record().topic(), r.record().partition(), r.record().offset());
                try {
                    await(producer().send(copy(r, Copy.TRUNCATED, channel)));
                } catch (RecordTooLargeException again) {
                    // headers beyond any reason: the reason and the coordinates alone
                    await(producer().send(copy(r, Copy.BARE, channel)));
                }
            }
            registry.counter("rgpd.dead.letters", "channel", channel, "topic", r.record().topic()).increment();
            LOG.warnf("Record %s-%d@%d of channel %s sent to the dead-letter topic: %s", r.record().topic(),
                    r.record().partition(), r.record().offset(), channel, Excerpt.of(r.reason(), 300));
        }
    }

    /** One record. */
    public void send(String channel, ConsumerRecord<byte[], byte[]> record, String reason) {
        send(channel, List.of(new Rejected(record, reason)));
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new IllegalStateException("Dead-letter topic refused the record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Dead-letter topic did not acknowledge within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to the dead-letter topic", e);
        }
    }

    static ProducerRecord<byte[], byte[]> copy(Rejected r, Copy level, String channel) {
        ConsumerRecord<byte[], byte[]> record = r.record();
        RecordHeaders headers = new RecordHeaders();
        int kept = 0;
        int keptBytes = 0;
        for (Header h : level == Copy.BARE ? new RecordHeaders() : record.headers()) {
            if (PUBLISHER_TOKEN_HEADER.equalsIgnoreCase(h.key()) || h.key().startsWith("dead-letter-")) {
                continue;
            }
            if (level == Copy.TRUNCATED) {
                if (KEPT_WHEN_TRUNCATED_PREFIXES.stream().noneMatch(h.key()::startsWith) || h.key().length() > 64) {
                    continue;
                }
                byte[] value = h.value() == null ? null : Arrays.copyOf(h.value(), Math.min(h.value().length, 1024));
                int size = h.key().length() + (value == null ? 0 : value.length);
                if (kept >= TRUNCATED_HEADERS || keptBytes + size > TRUNCATED_HEADER_BYTES) {
                    continue;
                }
                kept++;
                keptBytes += size;
                headers.add(h.key(), value);
            } else {
                headers.add(h);
            }
        }
        boolean truncated = level != Copy.WHOLE;
        String reason = r.reason() == null ? "" : r.reason();
        headers.add("dead-letter-reason", bytes(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…"
                : reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        headers.add("dead-letter-channel", bytes(channel));
        byte[] key = record.key();
        byte[] value = record.value();
        if (truncated) {
            headers.add("dead-letter-truncated", bytes("true"));
            headers.add("dead-letter-original-size", bytes(String.valueOf(value == null ? 0 : value.length)));
            key = key == null ? null : Arrays.copyOf(key, Math.min(key.length, 1024));
            int max = level == Copy.BARE ? BARE_VALUE_BYTES : TRUNCATED_VALUE_BYTES;
            value = value == null ? null : Arrays.copyOf(value, Math.min(value.length, max));
        }
        return new ProducerRecord<>(Topics.dlq(record.topic()), null, key, value, headers);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((k, v) -> {
                        if (!k.startsWith("health") && !k.startsWith("devservices")) {
                            config.put(k, v);
                        }
                    });
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + System.identityHashCode(this));
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
                    producer = p = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
                }
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
