package fr.assurancemaladie.rgpd.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import fr.assurancemaladie.rgpd.retention.sweep.DueSchedules;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by tools/bench/retention-bench.sh, never in CI): it prints figures and asserts only that
 * the work was done.
 * <ol>
 * <li>Ingestion: N lifecycle events already on {@code lifecycle.events}, read to committed schedules (2 per event)
 * by retention-service as a separate process, and — same run, same topic, same machine — by a raw baseline: a plain
 * KafkaConsumer writing the same rows with JDBC batches into a database with the same schema.</li>
 * <li>Sweep: M due schedules ordered (sent to Kafka, acknowledged, marked ORDERED) by one sweep.</li>
 * </ol>
 */
class IngestionBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    static final int DUE = Integer.getInteger("bench.due", 1_000_000);
    /** Partitions of retention.deletion-orders, as in production (k8s/base/kafka-topics.yaml). */
    static final int ORDER_PARTITIONS = Integer.getInteger("bench.order-partitions", 12);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ingestionAgainstARawBaselineThenTheSweep() throws Exception {
        System.out.printf("%n[bench] machine: %s%n", fr.assurancemaladie.rgpd.infra.Machine.describe());
        ProcessHarness service = new ProcessHarness("bench");
        service.publishRegister();
        long t = System.nanoTime();
        service.produceRightsEnd(Topics.LIFECYCLE_EVENTS, "bench", EVENTS);
        System.out.printf("%n[bench] produced %,d events in %.1f s%n", EVENTS, (System.nanoTime() - t) / 1e9);

        // 1. the raw baseline, on its own database with the same schema
        ProcessHarness baselineDb = new ProcessHarness("baseline");
        try (Connection c = baselineDb.connect()) {
            for (String migration : List.of("V1__fiche_projection.sql", "V2__schedules_holds_proofs.sql",
                    "V3__retention_law.sql", "V4__due_work_apart.sql", "V5__litigation_clause_inline.sql",
                    "V6__ordered_in_the_work_table.sql")) {
                try (var in = IngestionBenchmark.class.getResourceAsStream("/db/migration/" + migration)) {
                    c.createStatement().execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        double baseline = baseline(service, baselineDb);

        // 2. retention-service, started once the backlog is there; timed from its first stored event to the last
        double measured;
        try (ServiceProcess process = service.start("retention-bench", Map.of())) {
            long seenFirst = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (true) {
                long events = countOrZero(service, "select count(*) from lifecycle_event");
                if (events > 0 && seenFirst == 0) {
                    seenFirst = System.nanoTime();
                }
                if (events == EVENTS && service.count("select count(*) from schedule") == 2L * EVENTS) {
                    break;
                }
                if (System.nanoTime() > deadline || !process.alive()) {
                    throw new AssertionError("retention-service did not ingest the backlog, see " + process.log());
                }
                Thread.sleep(100);
            }
            double polled = (System.nanoTime() - seenFirst) / 1e9;
            double db = service.count("select (extract(epoch from max(received_at) - min(received_at)) * 1000)::bigint "
                    + "from lifecycle_event") / 1000.0;
            measured = EVENTS / polled;
            System.out.printf("[bench] retention-service: %,d events -> %,d schedules in %.1f s (%.1f s between first "
                    + "and last batch in the database): %,.0f events/s%n", EVENTS, 2L * EVENTS, polled, db, measured);
        }
        System.out.printf("[bench] ratio service / baseline = %.2f (target >= 0.9)%n", measured / baseline);

        // 3. the sweep: M due schedules on a fresh database
        ProcessHarness sweepDb = new ProcessHarness("sweep");
        Map<String, String> sweepConfig = new java.util.HashMap<>();
        for (String key : List.of("rgpd.retention.sweep.chunk-size", "rgpd.retention.sweep.workers")) {
            if (System.getProperty(key) != null) {
                sweepConfig.put(key, System.getProperty(key));
            }
        }
        try (ServiceProcess process = sweepDb.start("retention-sweep-bench", sweepConfig)) {
            process.awaitReady(Duration.ofMinutes(2));
            try (Connection c = sweepDb.connect()) {
                DueSchedules.insert(new SingleConnection(c), "sweep-bench", DUE, "CPAM-75");
                c.createStatement().execute("vacuum analyze schedule");
            }
            // the topic as production has it (k8s/base/kafka-topics.yaml), not the embedded broker's default of one
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", sweepDb.infra.bootstrapServers()))) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.DELETION_ORDERS,
                        ORDER_PARTITIONS, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
            long before = endOffset(sweepDb, Topics.DELETION_ORDERS);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(process.uri(
                    "/api/v1/sweeps")).header("Authorization", "Bearer " + TestTokens.withRoles("admin", "admin"))
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode result = JSON.readTree(r.body());
            long ordered = sweepDb.count("select count(*) from schedule_state where status = 'ORDERED'");
            long onTopic = endOffset(sweepDb, Topics.DELETION_ORDERS) - before;
            System.out.printf("[bench] sweep: %,d due schedules -> %,d orders acknowledged by Kafka and marked ORDERED "
                    + "in %.1f s (%d chunks); %,d records on %s (%d partitions)%n", DUE, ordered,
                    result.path("millis").asLong() / 1000.0, result.path("chunks").asInt(), onTopic,
                    Topics.DELETION_ORDERS, ORDER_PARTITIONS);
            if (ordered != DUE) {
                throw new AssertionError("sweep incomplete: " + r.body());
            }
        }
    }

    /** A plain KafkaConsumer: poll, parse, one JDBC batch per table, commit, commitSync. */
    static double baseline(ProcessHarness kafka, ProcessHarness db) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.infra.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        long start = 0;
        int events = 0;
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
                Connection c = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            consumer.subscribe(List.of(Topics.LIFECYCLE_EVENTS));
            PreparedStatement ids = c.prepareStatement("select nextval(pg_get_serial_sequence('lifecycle_event', 'id')) "
                    + "from generate_series(1, ?)");
            PreparedStatement ev = c.prepareStatement("insert into lifecycle_event (id, source, event_id, type, "
                    + "subject_ref, trigger, occurred_on, caisse_code) overriding system value "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (source, event_id) do nothing");
            PreparedStatement sc = c.prepareStatement("insert into schedule (event_id, subject_ref, caisse_code, "
                    + "fiche_number, fiche_version, rule_index, rule_text, trigger, duration, fate, "
                    + "until_final_decision, trigger_date, rule_due_on, due_on) "
                    + "values (?, ?, ?, ?, 1, 0, ?, 'RIGHTS_END', ?, 'DESTRUCTION', ?, ?, ?, ?)");
            while (events < EVENTS) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                ids.setInt(1, records.count());
                long[] id = new long[records.count()];
                try (ResultSet rs = ids.executeQuery()) {
                    for (int i = 0; rs.next(); i++) {
                        id[i] = rs.getLong(1);
                    }
                }
                int i = 0;
                for (ConsumerRecord<String, String> r : records) {
                    JsonNode data = JSON.readTree(r.value());
                    String subject = data.path("subjectRef").asText();
                    LocalDate occurred = LocalDate.parse(data.path("occurredOn").asText());
                    String caisse = data.path("caisseCode").asText();
                    ev.setLong(1, id[i]);
                    ev.setString(2, header(r, "ce_source"));
                    ev.setString(3, header(r, "ce_id"));
                    ev.setString(4, header(r, "ce_type"));
                    ev.setString(5, subject);
                    ev.setString(6, "RIGHTS_END");
                    ev.setDate(7, Date.valueOf(occurred));
                    ev.setString(8, caisse);
                    ev.addBatch();
                    for (int fiche = 1; fiche <= 2; fiche++) {
                        String duration = fiche == 1 ? "P3Y" : "P5Y";
                        LocalDate due = occurred.plus(java.time.Period.parse(duration));
                        sc.setLong(1, id[i]);
                        sc.setString(2, subject);
                        sc.setString(3, caisse);
                        sc.setInt(4, fiche);
                        sc.setString(5, fiche == 1 ? "3 ans après la fin de validité des droits"
                                : "5 ans après la fin de validité des droits ou jusqu'à décision définitive");
                        sc.setString(6, duration);
                        sc.setBoolean(7, fiche == 2);
                        sc.setDate(8, Date.valueOf(occurred));
                        sc.setDate(9, Date.valueOf(due));
                        sc.setDate(10, Date.valueOf(due));
                        sc.addBatch();
                    }
                    i++;
                }
                ev.executeBatch();
                sc.executeBatch();
                c.commit();
                consumer.commitSync();
                events += records.count();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = events / seconds;
        System.out.printf("[bench] raw baseline (KafkaConsumer + JDBC batches): %,d events -> %,d schedules in %.1f s: "
                + "%,.0f events/s%n", events, db.count("select count(*) from schedule"), seconds, rate);
        return rate;
    }

    /** Zero while the service has not created its tables yet. */
    static long countOrZero(ProcessHarness h, String sql) {
        try {
            return h.count(sql);
        } catch (Exception e) {
            return 0;
        }
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static long endOffset(ProcessHarness h, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, h.infra.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A DataSource over one open connection (DueSchedules wants a DataSource). */
    record SingleConnection(Connection c) implements javax.sql.DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (proxy, m, args) -> "close".equals(m.getName()) ? null
                            : m.invoke(c, args));
        }

        @Override
        public Connection getConnection(String u, String pw) {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return null;
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
