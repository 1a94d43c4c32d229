package fr.assurancemaladie.rgpd.testing;

import fr.assurancemaladie.rgpd.infra.ContextClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What tests do on the real broker: send a CloudEvent as another system would, read a topic as a consumer would. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Sends a binary-mode CloudEvent (value = data, attributes in ce_* headers) and waits for the broker's ack. */
    public static void sendCloudEvent(String bootstrapServers, String topic, String key, String type, String data)
            throws Exception {
        sendCloudEvent(bootstrapServers, topic, key, type, data, UUID.randomUUID().toString(), "urn:test");
    }

    /** The same, with the CloudEvent id and source of the caller's choosing (to send one event twice). */
    public static void sendCloudEvent(String bootstrapServers, String topic, String key, String type, String data,
            String id, String source) throws Exception {
        sendCloudEvent(bootstrapServers, topic, key, type, data, id, source, Map.of());
    }

    /** The same, with extra record headers (a publisher's token). */
    public static void sendCloudEvent(String bootstrapServers, String topic, String key, String type, String data,
            String id, String source, Map<String, String> headers) throws Exception {
        ContextClassLoader.ofInfrastructure(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props(bootstrapServers),
                    new StringSerializer(), new StringSerializer())) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
                record.headers().add("ce_specversion", bytes("1.0"));
                record.headers().add("ce_id", bytes(id));
                record.headers().add("ce_type", bytes(type));
                record.headers().add("ce_source", bytes(source));
                headers.forEach((name, value) -> record.headers().add(name, bytes(value)));
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
            return null;
        });
    }

    /** Sends one record exactly as given (value and headers), e.g. one no CloudEvents SDK would write. */
    public static void sendRaw(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers) throws Exception {
        sendRaw(bootstrapServers, topic, key, value, headers, null);
    }

    /** The same with the record's timestamp (CreateTime) of the caller's choosing; null for now. */
    public static void sendRaw(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers, Instant timestamp) throws Exception {
        ContextClassLoader.ofInfrastructure(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props(bootstrapServers),
                    new StringSerializer(), new StringSerializer())) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                        timestamp == null ? null : timestamp.toEpochMilli(), key, value);
                headers.forEach((name, v) -> record.headers().add(name, bytes(v)));
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
            return null;
        });
    }

    /**
     * A record as read, in plain JDK types: this class is loaded parent-first, so Kafka's own record class would not
     * be the one the test sees.
     */
    public record Received(String key, String value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Reads {@code topic} from the beginning with a new group until a record with {@code key} comes, or null. */
    public static Received awaitRecord(String bootstrapServers, String topic, String key,
            Duration timeout) throws Exception {
        return ContextClassLoader.ofInfrastructure(() -> {
            Properties props = props(bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                Instant deadline = Instant.now().plus(timeout);
                while (Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (key.equals(r.key())) {
                            Map<String, String> headers = new HashMap<>();
                            for (Header h : r.headers()) {
                                headers.put(h.key(), h.value() == null ? null
                                        : new String(h.value(), StandardCharsets.UTF_8));
                            }
                            return new Received(r.key(), r.value(), Map.copyOf(headers));
                        }
                    }
                }
                return null;
            }
        });
    }

    private static Properties props(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /**
     * Reads every record of {@code topic} from the beginning up to the end offsets seen when the call starts (keys,
     * values and headers, in partition order).
     */
    public static List<Received> readToEnd(String bootstrapServers, String topic, Duration timeout) throws Exception {
        return ContextClassLoader.ofInfrastructure(() -> {
            Properties props = props(bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                var partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
                List<Received> out = new java.util.ArrayList<>();
                Instant deadline = Instant.now().plus(timeout);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Topic " + topic + " not read to its end in " + timeout);
                    }
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        Map<String, String> headers = new HashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                        }
                        out.add(new Received(r.key(), r.value(), Map.copyOf(headers)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
