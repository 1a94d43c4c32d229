package fr.assurancemaladie.rgpd.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by tools/bench/scale-bench.sh, never in CI): the retention store from 1 million to 100
 * million schedules. The database is filled by SQL ({@code generate_series}, never HTTP) with schedules of the
 * shape of the official register: its 149 executable rules ({@code register-rules.csv}, exported from the register
 * as retention-service projects it), 105 caisses, 3 events and about 4 schedules per person, events spread over 30 years (due
 * dates over 60: what is already due is history, CONFIRMED, the rest waits in {@code schedule_due}), and one person
 * in a thousand under a hold. At each size it measures, against retention-service running as its packaged jar:
 * a sweep of 10,000 due schedules, the ingestion of 100,000 new lifecycle events from Kafka, the DPO reports (upcoming,
 * overdue; national and one caisse) and the schedules-by-person lookup; and the bytes per schedule.
 */
class ScaleBenchmark {

    static final List<Long> SIZES = Arrays.stream(System.getProperty("bench.sizes", "1000000,10000000,100000000")
            .split(",")).map(String::trim).map(Long::parseLong).toList();
    static final int SWEEP = Integer.getInteger("bench.sweep", 10_000);
    static final int INGEST = Integer.getInteger("bench.ingest", 100_000);
    /** Schedules per generated batch: one statement, one transaction. */
    static final int BATCH = 1_000_000;
    static final LocalDate TODAY = LocalDate.now();
    /** The sweep is measured as of this day: only the schedules added for it are due then (see class comment). */
    static final LocalDate SWEEP_DAY = LocalDate.of(1990, 1, 1);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Tokens are short-lived, and a size takes minutes to generate: a fresh one for each request. */
    static final java.util.function.Supplier<String> ADMIN = () -> TestTokens.withRoles("admin", "admin");
    static final java.util.function.Supplier<String> DPO = () -> TestTokens.dpo("dpo.bench", "CPAM-042");

    @Test
    void fromOneMillionToAHundredMillionSchedules() throws Exception {
        System.out.printf("%n[bench] machine: %s%n", fr.assurancemaladie.rgpd.infra.Machine.describe());
        ProcessHarness h = new ProcessHarness("scale");
        h.publishRegister();
        try (Connection c = h.connect()) {
            System.out.printf("[bench] PostgreSQL %s, shared_buffers %s, fsync %s%n", one(c, "show server_version"),
                    one(c, "show shared_buffers"), one(c, "show fsync"));
        }
        try (ServiceProcess service = h.start("retention-scale-bench",
                Map.of("rgpd.retention.sweep.allow-as-of", "true"))) {
            service.awaitReady(Duration.ofMinutes(2));
            try (Connection c = h.connect()) {
                loadRules(c);
            }
            long schedules = 0;
            long events = 0;
            int round = 0;
            for (long size : SIZES) {
                long free = Files.getFileStore(Path.of(".").toAbsolutePath()).getUsableSpace();
                try (Connection c = h.connect()) {
                    long bytesNow = Long.parseLong(one(c, "select pg_database_size(current_database())"));
                    long perSchedule = schedules == 0 ? 1000 : bytesNow / schedules;
                    long needed = (size - schedules) * perSchedule * 13 / 10;
                    if (needed > free) {
                        System.out.printf("[bench] stopped before %,d schedules: %,d MB more needed (at %,d bytes per "
                                + "schedule, all tables, + 30%%), %,d MB free on this disk%n", size, needed >> 20,
                                perSchedule, free >> 20);
                        break;
                    }
                    long t = System.nanoTime();
                    while (schedules < size) {
                        long[] added = generate(c, events, Math.min(BATCH, size - schedules));
                        events += added[0];
                        schedules += added[1];
                    }
                    double generated = (System.nanoTime() - t) / 1e9;
                    t = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        s.execute("vacuum analyze");
                    }
                    System.out.printf("%n[bench] ===== %,d schedules (%,d events): generated in %.0f s, vacuum analyze "
                            + "%.0f s%n", schedules, events, generated, (System.nanoTime() - t) / 1e9);
                    sizes(c, schedules);
                }
                round++;
                sweep(h, service, round);
                ingest(h, round);
                reports(service);
                lookups(h, service);
                schedules = count(h, "select count(*) from schedule");
                events = count(h, "select count(*) from lifecycle_event");
            }
        }
    }

    /** The register's rules, numbered 1..n, in a table of the benchmark's own. */
    static void loadRules(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table bench_rule (n serial primary key, fiche_number integer, rule_index integer, "
                    + "fiche_version integer, trigger varchar(40), duration varchar(32), fate varchar(16), "
                    + "until_final boolean, text text)");
        }
        try (InputStream in = ScaleBenchmark.class.getResourceAsStream("/register-rules.csv")) {
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class)).copyIn(
                    "copy bench_rule (fiche_number, rule_index, fiche_version, trigger, duration, fate, until_final, "
                            + "text) from stdin with (format csv, header)", in);
        }
    }

    /**
     * One batch: about {@code schedules} schedules, from events numbered after {@code firstEvent}. Each event picks a
     * rule of the register (the same spread for every size) and schedules every rule of its fiche with that trigger.
     * Returns {events, schedules} added.
     */
    static long[] generate(Connection c, long firstEvent, long schedules) throws Exception {
        long eventsWanted = (long) Math.ceil(schedules / schedulesPerEvent(c));
        try (PreparedStatement ps = c.prepareStatement("""
                with g as (
                  select i, i / 3 as person, r.fiche_number, r.trigger,
                         ?::date - ((i * 7919) % 10957)::int as occurred_on
                    from generate_series(?::bigint, ?::bigint) i
                    join bench_rule r on r.n = 1 + ((i * 2654435761) % (select count(*) from bench_rule))),
                ev as (
                  insert into lifecycle_event (source, event_id, type, subject_ref, trigger, occurred_on, caisse_code,
                         fiche_numbers)
                  select 'urn:bench:scale', 'scale-' || i,
                         'fr.assurancemaladie.lifecycle.' || lower(replace(trigger, '_', '-')),
                         encode(sha256(convert_to('person-' || person, 'UTF8')), 'hex'), trigger, occurred_on,
                         'CPAM-' || lpad((1 + person % 105)::text, 3, '0'), array[fiche_number]
                    from g
                  returning id, subject_ref, trigger, occurred_on, caisse_code, fiche_numbers),
                s as (
                  select ev.id, ev.subject_ref, ev.caisse_code, ev.occurred_on, r.fiche_number, r.fiche_version,
                         r.rule_index, r.text, r.trigger, r.duration, r.fate, r.until_final,
                         retention_rule_due(ev.occurred_on, r.duration) as due
                    from ev join bench_rule r on r.trigger = ev.trigger and r.fiche_number = ev.fiche_numbers[1])
                insert into schedule (event_id, subject_ref, caisse_code, fiche_number, fiche_version, rule_index,
                       rule_text, trigger, duration, fate, until_final_decision, trigger_date, rule_due_on, due_on,
                       status, ordered_at, confirmed_at)
                select id, subject_ref, caisse_code, fiche_number, fiche_version, rule_index, text, trigger, duration,
                       fate, until_final, occurred_on, due, due,
                       case when due < ?::date then 'CONFIRMED' else 'SCHEDULED' end,
                       case when due < ?::date then due + interval '1 day' end,
                       case when due < ?::date then due + interval '2 days' end
                  from s""")) {
            ps.setObject(1, TODAY);
            ps.setLong(2, firstEvent + 1);
            ps.setLong(3, firstEvent + eventsWanted);
            ps.setObject(4, TODAY);
            ps.setObject(5, TODAY);
            ps.setObject(6, TODAY);
            int inserted = ps.executeUpdate();
            // one person in a thousand under a hold (a litigation or a limitation), as in production
            try (PreparedStatement holds = c.prepareStatement("""
                    insert into hold (kind, subject_ref, caisse_code, source_ref, reason, from_on, created_by)
                    select case when p % 2 = 0 then 'LITIGATION' else 'LIMITATION' end,
                           encode(sha256(convert_to('person-' || p, 'UTF8')), 'hex'),
                           'CPAM-' || lpad((1 + p % 105)::text, 3, '0'), 'bench:' || p, 'Banc d''essai',
                           date '1980-01-01', 'bench'
                      from generate_series(?::bigint, ?::bigint) p where p % 1000 = 0""")) {
                holds.setLong(1, (firstEvent + 1) / 3);
                holds.setLong(2, (firstEvent + eventsWanted) / 3);
                holds.executeUpdate();
            }
            return new long[] { eventsWanted, inserted };
        }
    }

    /** An event schedules every rule of its fiche with its trigger: 1 or more, on average this many. */
    static double schedulesPerEvent(Connection c) throws Exception {
        return Double.parseDouble(one(c, "select avg(n) from (select count(*) over (partition by fiche_number, "
                + "trigger) n from bench_rule) x"));
    }

    static void sizes(Connection c, long schedules) throws Exception {
        long total = 0;
        for (String table : List.of("schedule", "schedule_due", "schedule_unconfirmed", "lifecycle_event", "hold")) {
            try (PreparedStatement ps = c.prepareStatement("select pg_relation_size(?), pg_indexes_size(?), "
                    + "(select count(*) from " + table + ")")) {
                ps.setString(1, table);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long heap = rs.getLong(1), indexes = rs.getLong(2), rows = rs.getLong(3);
                    total += heap + indexes;
                    System.out.printf("[bench]   %-22s %,13d rows  table %,7d MB  indexes %,7d MB  %,5d bytes per "
                            + "schedule%n", table, rows, heap >> 20, indexes >> 20, (heap + indexes) / schedules);
                }
            }
        }
        System.out.printf("[bench]   all retention tables: %,d MB, %,d bytes per schedule%n", total >> 20,
                total / schedules);
    }

    /**
     * SWEEP schedules due on the eve of SWEEP_DAY, swept as of that day: nothing else is due then. A sweep of 100
     * schedules first, so that the producer has its metadata and producer id (the first send of a process waits for
     * them) and the figure is the sweep's.
     */
    static void sweep(ProcessHarness h, ServiceProcess service, int round) throws Exception {
        due(h, "warm" + round, 100, SWEEP_DAY.minusDays(10));
        send(service, "POST", "/api/v1/sweeps?asOf=" + SWEEP_DAY.minusDays(9), ADMIN);
        due(h, "sweep" + round, SWEEP, SWEEP_DAY.minusDays(1));
        long due = count(h, "select count(*) from schedule_due where due_on < '" + SWEEP_DAY + "'");
        long held = count(h, "select count(*) from schedule_due d join schedule s on s.id = d.schedule_id "
                + "where d.due_on < '" + SWEEP_DAY + "' and exists (select 1 from hold x where x.subject_ref = "
                + "s.subject_ref and x.from_on <= '" + SWEEP_DAY + "' and x.released_at is null)");
        HttpResponse<String> r = send(service, "POST", "/api/v1/sweeps?asOf=" + SWEEP_DAY, ADMIN);
        JsonNode result = JSON.readTree(r.body());
        System.out.printf("[bench]   sweep of %,d due schedules (%,d of them held): %,d orders sent, acknowledged and "
                + "marked in %.2f s%n", due, held, result.path("ordered").asInt(), result.path("millis").asLong() / 1000.0);
        if (result.path("ordered").asInt() != due - held) {
            throw new AssertionError("sweep did not order the due schedules: " + r.body());
        }
    }

    /** {@code n} schedules due on {@code day}, of persons the generator made (some under a hold). */
    static void due(ProcessHarness h, String tag, int n, LocalDate day) throws Exception {
        try (Connection c = h.connect(); PreparedStatement ps = c.prepareStatement("""
                with ev as (
                  insert into lifecycle_event (source, event_id, type, subject_ref, trigger, occurred_on, caisse_code)
                  select 'urn:bench:sweep', ? || '-' || g, 'fr.assurancemaladie.lifecycle.rights-end',
                         encode(sha256(convert_to('person-' || (g * 7) % 3000000, 'UTF8')), 'hex'), 'RIGHTS_END',
                         ?::date, 'CPAM-042'
                    from generate_series(1, ?) g
                  returning id, subject_ref, occurred_on)
                insert into schedule (event_id, subject_ref, caisse_code, fiche_number, fiche_version, rule_index,
                       rule_text, trigger, duration, fate, until_final_decision, trigger_date, rule_due_on, due_on)
                select id, subject_ref, 'CPAM-042', 1, 1, 0, '3 ans après la fin de validité des droits',
                       'RIGHTS_END', 'P3Y', 'DESTRUCTION', false, occurred_on, ?::date, ?::date from ev""")) {
            ps.setString(1, tag);
            ps.setObject(2, day.minusYears(3));
            ps.setInt(3, n);
            ps.setObject(4, day);
            ps.setObject(5, day);
            ps.executeUpdate();
        }
    }

    /** INGEST rights-end events produced on lifecycle.events, timed from the first stored to the last. */
    static void ingest(ProcessHarness h, int round) throws Exception {
        long before = count(h, "select coalesce(max(id), 0) from lifecycle_event");
        long schedulesBefore = count(h, "select count(*) from schedule");
        Thread producer = new Thread(() -> {
            try {
                h.produceRightsEnd(Topics.LIFECYCLE_EVENTS, "ingest" + round, INGEST);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        producer.start();
        long first = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (count(h, "select count(*) from lifecycle_event where id > " + before) < INGEST) {
            if (first == 0 && count(h, "select count(*) from lifecycle_event where id > " + before) > 0) {
                first = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ingestion did not finish");
            }
            Thread.sleep(50);
        }
        double polled = (System.nanoTime() - first) / 1e9;
        producer.join();
        double db = count(h, "select (extract(epoch from max(received_at) - min(received_at)) * 1000)::bigint "
                + "from lifecycle_event where id > " + before) / 1000.0;
        long added = count(h, "select count(*) from schedule") - schedulesBefore;
        System.out.printf("[bench]   ingestion of %,d events (%,d schedules): %.1f s from the first stored to the last "
                + "(%.1f s between first and last batch in the database): %,.0f events/s%n", INGEST, added, polled, db,
                INGEST / polled);
    }

    static void reports(ServiceProcess service) throws Exception {
        record Report(String name, String path, java.util.function.Supplier<String> token) {
        }
        for (Report report : List.of(
                new Report("upcoming 30 days, national (admin)", "/api/v1/reports/upcoming?days=30", ADMIN),
                new Report("upcoming 30 days, one caisse (DPO)", "/api/v1/reports/upcoming?days=30", DPO),
                new Report("upcoming 365 days, national (admin)", "/api/v1/reports/upcoming?days=365", ADMIN),
                new Report("overdue, national (admin)", "/api/v1/reports/overdue", ADMIN),
                new Report("overdue, one caisse (DPO)", "/api/v1/reports/overdue", DPO))) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = send(service, "GET", report.path(), report.token());
                if (r.statusCode() != 200) {
                    throw new AssertionError(report.name() + ": " + r.statusCode() + " " + r.body());
                }
                if (i > 0) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            ms.sort(null);
            System.out.printf("[bench]   report %-36s median %,8.1f ms (first of 6 not counted)%n", report.name(),
                    ms.get(ms.size() / 2));
        }
    }

    static void lookups(ProcessHarness h, ServiceProcess service) throws Exception {
        long persons = count(h, "select count(*) from lifecycle_event where source = 'urn:bench:scale'") / 3;
        List<Double> ms = new ArrayList<>();
        long rows = 0;
        for (int i = 0; i < 200; i++) {
            String subject = ProcessHarness.subject("person", (int) ((i * 104729L) % persons));
            long t = System.nanoTime();
            HttpResponse<String> r = send(service, "GET", "/api/v1/schedules?subjectRef=" + subject, ADMIN);
            ms.add((System.nanoTime() - t) / 1e6);
            if (r.statusCode() != 200) {
                throw new AssertionError("lookup: " + r.statusCode() + " " + r.body());
            }
            rows += JSON.readTree(r.body()).path("items").size();
        }
        ms.sort(null);
        System.out.printf("[bench]   schedules of one person (200 persons, %.1f schedules each): median %.1f ms, p99 %.1f "
                + "ms%n", rows / 200.0, ms.get(100), ms.get(197));
    }

    static HttpResponse<String> send(ServiceProcess service, String method, String path,
            java.util.function.Supplier<String> token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + token.get())
                .timeout(Duration.ofMinutes(30)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static long count(ProcessHarness h, String sql) throws Exception {
        return h.count(sql);
    }

    static String one(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
