package fr.assurancemaladie.rgpd.testing;

import fr.assurancemaladie.rgpd.infra.ContextClassLoader;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The other systems of the network, played by the official CloudEvents Java SDK ({@code cloudevents-kafka}): its
 * Kafka serializer produces in binary or structured content mode exactly as the protocol binding prescribes, and its
 * deserializer reads what the platform publishes. Plain JDK types in and out (this class is loaded parent-first in
 * Quarkus tests, the SDK's classes would not be the test's).
 */
public final class SdkKafka {

    private SdkKafka() {
    }

    /** A CloudEvent as a producer team builds it with the SDK. Null optional attributes are left out. */
    public record Event(String id, String source, String type, String subject, String dataSchema,
            String dataContentType, OffsetDateTime time, Map<String, Object> extensions, byte[] data) {

        public static Event of(String id, String source, String type, String json) {
            return new Event(id, source, type, null, null, "application/json", null, Map.of(),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        public Event withTime(OffsetDateTime t) {
            return new Event(id, source, type, subject, dataSchema, dataContentType, t, extensions, data);
        }

        public Event withSubject(String s) {
            return new Event(id, source, type, s, dataSchema, dataContentType, time, extensions, data);
        }

        public Event withDataSchema(String s) {
            return new Event(id, source, type, subject, s, dataContentType, time, extensions, data);
        }

        public Event withExtensions(Map<String, Object> e) {
            return new Event(id, source, type, subject, dataSchema, dataContentType, time, e, data);
        }

        CloudEvent build() {
            CloudEventBuilder b = CloudEventBuilder.v1().withId(id).withSource(URI.create(source)).withType(type);
            if (subject != null) {
                b.withSubject(subject);
            }
            if (dataSchema != null) {
                b.withDataSchema(URI.create(dataSchema));
            }
            if (time != null) {
                b.withTime(time);
            }
            extensions.forEach((name, value) -> {
                if (value instanceof Integer i) {
                    b.withExtension(name, i);
                } else if (value instanceof Boolean bool) {
                    b.withExtension(name, bool);
                } else {
                    b.withExtension(name, String.valueOf(value));
                }
            });
            if (data != null) {
                b.withData(dataContentType, data);
            } else if (dataContentType != null) {
                b.withDataContentType(dataContentType);
            }
            return b.build();
        }
    }

    /**
     * Sends events with the SDK's serializer and waits for the broker's acks.
     *
     * @param structured     structured content mode ({@code content-type: application/cloudevents+json}) or binary
     * @param producerConfig extra producer settings (e.g. {@code compression.type=gzip}); may be empty
     * @param headers        extra record headers (e.g. a publisher's token); may be empty
     */
    public static void send(String bootstrapServers, String topic, String key, Event event, boolean structured,
            Map<String, String> producerConfig, Map<String, String> headers) throws Exception {
        sendAll(bootstrapServers, topic, List.of(key), List.of(event), structured, producerConfig, headers);
    }

    /** The same for several events, keys.get(i) for events.get(i). */
    public static void sendAll(String bootstrapServers, String topic, List<String> keys, List<Event> events,
            boolean structured, Map<String, String> producerConfig, Map<String, String> headers) throws Exception {
        ContextClassLoader.ofInfrastructure(() -> {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
            props.put(CloudEventSerializer.ENCODING_CONFIG, structured ? Encoding.STRUCTURED : Encoding.BINARY);
            props.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
            props.putAll(producerConfig);
            try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new CloudEventSerializer())) {
                List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < events.size(); i++) {
                    ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(topic, keys.get(i),
                            events.get(i).build());
                    headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                    acks.add(producer.send(record));
                }
                for (var ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            }
            return null;
        });
    }

    /** A record the SDK decoded: what it read, in plain types. */
    public record Decoded(String key, String id, String source, String type, String subject, String dataContentType,
            OffsetDateTime time, String data, boolean structured) {
    }

    /**
     * Reads {@code topic} from the beginning to the end offsets seen at the start with the SDK's deserializer (it
     * reads either content mode, and its builder refuses an event that lacks a required attribute).
     *
     * @throws IllegalStateException naming the first record the SDK cannot decode
     */
    public static List<Decoded> readAll(String bootstrapServers, String topic, Duration timeout) throws Exception {
        return ContextClassLoader.ofInfrastructure(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "sdk-" + UUID.randomUUID());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            CloudEventDeserializer sdk = new CloudEventDeserializer();
            sdk.configure(Map.of(), false);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
                List<Decoded> out = new ArrayList<>();
                Instant deadline = Instant.now().plus(timeout);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Topic " + topic + " not read to its end in " + timeout);
                    }
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        CloudEvent e;
                        try {
                            e = sdk.deserialize(r.topic(), r.headers(), r.value());
                        } catch (RuntimeException failure) {
                            throw new IllegalStateException("The CloudEvents SDK cannot decode " + r.topic() + "-"
                                    + r.partition() + "@" + r.offset() + ": " + failure, failure);
                        }
                        var contentType = r.headers().lastHeader("content-type");
                        boolean structured = contentType != null && new String(contentType.value(),
                                StandardCharsets.UTF_8).startsWith("application/cloudevents");
                        out.add(new Decoded(r.key(), e.getId(), e.getSource().toString(), e.getType(),
                                e.getSubject(), e.getDataContentType(), e.getTime(), e.getData() == null ? null
                                        : new String(e.getData().toBytes(), StandardCharsets.UTF_8), structured));
                    }
                }
                return List.copyOf(out);
            }
        });
    }
}
