package fr.assurancemaladie.rgpd.retention.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.DeletionOrder;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.retention.RetentionConfig;
import fr.assurancemaladie.rgpd.support.messaging.CloudEventSender;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@code …retention.deletion.ordered} CloudEvents to {@code retention.deletion-orders}: key = subjectRef,
 * CloudEvent id = the schedule id, so a system that receives an order twice (a sweep that failed after Kafka took
 * it) sees the same id and carries it out once.
 *
 * <p>A plain {@link KafkaProducer} (acks=all, idempotent), not a SmallRye channel: a sweep sends up to a million
 * orders in one go, and the channel's work per message (its metadata, context propagation, the hop to its sending
 * thread, an acknowledgement per message) took about half of the service's CPU in a sweep of 1 M (issue 15, measured
 * with a flight recording). The record is the channel's binary CloudEvent ({@link CloudEventSender#binaryRecord}).
 * The producer is made at the first sweep, so that a broker away at start-up delays nothing.
 */
@ApplicationScoped
public class DeletionOrderSender {

    static final URI SOURCE = URI.create(EventTypes.SOURCE_PREFIX + "retention-service");

    @Inject
    ObjectMapper json;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    RetentionConfig config;

    private volatile Producer<String, byte[]> producer;

    /**
     * The orders of one chunk, all ordered at the same instant: sent one by one, acknowledged together. Not for
     * several threads.
     */
    public final class Batch {

        private static final int ACKNOWLEDGED = 1;
        private static final int REFUSED = 2;

        /** Per order: 0 until Kafka answers. */
        private final AtomicIntegerArray answers;
        private final CountDownLatch pending;
        private int sent;
        /** Kafka refused one order of the batch (set from the producer's thread, or within send for max-block). */
        private volatile boolean refusing;

        private final CloudEventSender.Binary attributes;
        private final DeletionOrderJson.Chunk data;

        private Batch(int size, java.time.Instant orderedAt) {
            attributes = CloudEventSender.binary(EventTypes.DELETION_ORDERED, SOURCE, orderedAt.atZone(ZoneOffset.UTC));
            data = orderJson().chunk(orderedAt);
            answers = new AtomicIntegerArray(size);
            pending = new CountDownLatch(size);
        }

        /** Sends the next order of the batch; a refusal (buffer full for too long, too large) counts as not acknowledged. */
        public void send(DeletionOrder order) {
            int index = sent++;
            if (refusing) { // Kafka refused one already (e.g. no broker for max-block): the rest are not tried
                answers.set(index, REFUSED);
                pending.countDown();
                return;
            }
            try {
                producer().send(attributes.record(Topics.DELETION_ORDERS, order.subjectRef(), order.scheduleId(),
                        data.write(order)), (metadata, error) -> {
                            if (error != null) {
                                refusing = true;
                            }
                            answers.set(index, error == null ? ACKNOWLEDGED : REFUSED);
                            pending.countDown();
                        });
            } catch (UncheckedIOException e) {
                throw e;
            } catch (RuntimeException refused) {
                refusing = true;
                answers.set(index, REFUSED);
                pending.countDown();
            }
        }

        /**
         * Waits up to {@code wait} for Kafka's answers; then tells which orders, by their rank in the batch, Kafka did
         * not acknowledge (refused, or not answered in time).
         */
        public java.util.BitSet notAcknowledged(Duration wait) throws InterruptedException {
            for (int unsent = answers.length() - sent; unsent > 0; unsent--) {
                pending.countDown(); // a batch smaller than announced: nothing to wait for there
            }
            pending.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            java.util.BitSet missing = new java.util.BitSet(sent);
            for (int i = 0; i < sent; i++) {
                if (answers.get(i) != ACKNOWLEDGED) { // refused, or not answered yet
                    missing.set(i);
                }
            }
            return missing;
        }
    }

    /** A batch of up to {@code size} orders, ordered at {@code orderedAt} (the orders' own {@code orderedAt}). */
    public Batch batch(int size, java.time.Instant orderedAt) {
        return new Batch(size, orderedAt);
    }

    private volatile DeletionOrderJson orderJson;

    private DeletionOrderJson orderJson() {
        DeletionOrderJson j = orderJson;
        if (j == null) {
            orderJson = j = new DeletionOrderJson(json);
        }
        return j;
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    producer = p = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                            new ByteArraySerializer());
                }
            }
        }
        return p;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> c = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (!k.startsWith("health") && !k.startsWith("devservices")) {
                c.put(k, v);
            }
        });
        RetentionConfig.DeletionOrders orders = config.deletionOrders();
        c.put(ProducerConfig.CLIENT_ID_CONFIG, "retention-deletion-orders");
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.LINGER_MS_CONFIG, (int) orders.linger().toMillis());
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, orders.batchSize());
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, orders.compression());
        // a send waits at most this long for room in the buffer or for the topic's metadata (a broker away): the
        // order then counts as not acknowledged, and the sweep stops instead of hanging
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) orders.maxBlock().toMillis());
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Sweep.ACK_WAIT * 1000);
        return c;
    }

    @PreDestroy
    void close() {
        Producer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(10));
        }
    }
}
