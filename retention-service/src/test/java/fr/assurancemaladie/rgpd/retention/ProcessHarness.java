package fr.assurancemaladie.rgpd.retention;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.infra.EmbeddedPostgresServer;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import fr.assurancemaladie.rgpd.testing.SharedInfra;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * retention-service as a separate process on the shared embedded PostgreSQL and Kafka, with what the process tests
 * and the benchmark need around it: a fresh database, a register, many lifecycle events on the topic.
 */
final class ProcessHarness {

    final SharedInfra infra = SharedInfra.get();
    final String database;

    ProcessHarness(String prefix) {
        database = infra.newDatabase(prefix);
    }

    String jdbcUrl() {
        return infra.postgres().jdbcUrl(database);
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }

    long count(String sql) throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The service in production mode; the sweep off (these tests are about ingestion). */
    ServiceProcess start(String name, Map<String, String> extra) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("rgpd.pseudonymisation.pepper", "process-test-pepper-not-a-secret");
        config.put("rgpd.retention.sweep.enabled", "false");
        Map<String, String> oidc = TestTokens.oidcConfig();
        config.put("%prod.quarkus.oidc.auth-server-url", ""); // verified locally with the public key
        config.put("quarkus.oidc.public-key", oidc.get("quarkus.oidc.public-key"));
        config.put("quarkus.oidc.token.issuer", oidc.get("quarkus.oidc.token.issuer"));
        config.put("quarkus.oidc.token.audience", oidc.get("quarkus.oidc.token.audience"));
        config.putAll(extra);
        return ServiceProcess.start(Path.of(System.getProperty("rgpd.module.dir", ".")), name, config);
    }

    /** Records of {@code topic} the consumer group has not acknowledged yet (end offsets minus committed ones). */
    long lag(String group, String topic) throws Exception {
        try (org.apache.kafka.clients.admin.AdminClient admin = org.apache.kafka.clients.admin.AdminClient.create(
                Map.of("bootstrap.servers", infra.bootstrapServers()))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new java.util.HashMap<>();
            for (var p : admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions()) {
                latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                var c = committed.get(end.getKey());
                lag += end.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Fiches 1 (P3Y) and 2 (P5Y, litigation clause) with a RIGHTS_END rule each, as register-service publishes them. */
    void publishRegister() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, Topics.REGISTER_FICHES, "1", EventTypes.FICHE_PUBLISHED, "register-1",
                    RetentionTestSupport.fiche1(1, "P3Y", "RIGHTS_END")).get(30, TimeUnit.SECONDS);
            send(producer, Topics.REGISTER_FICHES, "2", EventTypes.FICHE_PUBLISHED, "register-2",
                    RetentionTestSupport.FICHE_2).get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code n} rights-end events (one person each, no fiche named: fiches 1 and 2 both apply), ids {@code tag-i}.
     * Returns the subjectRefs in order.
     */
    List<String> produceRightsEnd(String topic, String tag, int n) throws Exception {
        List<String> subjects = new ArrayList<>(n);
        try (KafkaProducer<String, String> producer = producer()) {
            Future<RecordMetadata> last = null;
            for (int i = 0; i < n; i++) {
                String subject = subject(tag, i);
                subjects.add(subject);
                last = send(producer, topic, subject, EventTypes.LIFECYCLE_PREFIX + "rights-end", tag + "-" + i,
                        RetentionTestSupport.lifecycleData(subject, java.time.LocalDate.of(2020, 1, 1)
                                .plusDays(i % 2000), "CPAM-" + (10 + i % 80), null, null));
            }
            producer.flush();
            last.get(60, TimeUnit.SECONDS);
        }
        return subjects;
    }

    static String subject(String tag, int i) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((tag + "-" + i).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One token for a whole run (a system reuses its token until it expires); a run takes minutes at most. */
    static final String PROCESS_PUBLISHER = TestTokens.publisher("test-process", "urn:test:process",
            List.of("*"), List.of("*"), java.time.Duration.ofHours(2));

    static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String key, String type,
            String id, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "urn:test:process".getBytes(StandardCharsets.UTF_8));
        record.headers().add("rgpd-publisher-token", PROCESS_PUBLISHER.getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }
}
