package fr.assurancemaladie.rgpd.retention;

import static org.awaitility.Awaitility.await;

import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import fr.assurancemaladie.rgpd.testing.TestTokens;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the retention tests do over and over: publish fiches, send lifecycle events, count rows. */
public final class RetentionTestSupport {

    /**
     * The schedules the work tables (V4, V6) disagree about: open (SCHEDULED) schedules in neither
     * {@code schedule_due} nor {@code schedule_unconfirmed}, or in both; entries whose values differ from their
     * schedule's; and entries of either whose schedule is not, or no longer, open. Zero whenever the triggers and
     * the sweep keep them.
     */
    public static final String WORK_TABLES_OUT_OF_STEP = """
            select (select count(*) from schedule s
                     where (s.status = 'SCHEDULED')
                           <> ((exists (select 1 from schedule_due d where d.schedule_id = s.id
                                        and d.due_on = s.due_on and d.fiche_number = s.fiche_number
                                        and d.rule_index = s.rule_index and d.caisse_code = s.caisse_code))
                               <> (exists (select 1 from schedule_unconfirmed u where u.schedule_id = s.id
                                        and u.fiche_number = s.fiche_number and u.caisse_code = s.caisse_code))))
                 + (select count(*) from schedule_due d
                     where not exists (select 1 from schedule s where s.id = d.schedule_id and s.status = 'SCHEDULED'))
                 + (select count(*) from schedule_unconfirmed u
                     where not exists (select 1 from schedule s where s.id = u.schedule_id and s.status = 'SCHEDULED'))
                 + (select count(*) from schedule_due d join schedule_unconfirmed u on u.schedule_id = d.schedule_id)
            """;

    public static long workTablesOutOfStep(javax.sql.DataSource ds) throws java.sql.SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(WORK_TABLES_OUT_OF_STEP)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static final String FICHE_1 = """
            {"number": 1, "version": %d, "title": "Gestion des droits à l'assurance maladie", "retentionRules": [
              {"text": "%s", "duration": "%s", "trigger": "%s", "fate": "DESTRUCTION",
               "untilFinalDecisionIfLitigation": false, "status": "STRUCTURED"}]}""";
    public static final String FICHE_2 = """
            {"number": 2, "version": 1, "title": "Remboursement des soins", "retentionRules": [
              {"text": "5 ans après la fin de validité des droits ou jusqu'à l'intervention d'une décision définitive \
            en cas de contentieux", "duration": "P5Y", "trigger": "RIGHTS_END", "fate": "DESTRUCTION",
               "untilFinalDecisionIfLitigation": true, "status": "STRUCTURED"},
              {"text": "Jusqu'à la fin de la procédure", "duration": null, "trigger": "PROCEEDINGS_END", "fate": null,
               "untilFinalDecisionIfLitigation": false, "status": "PARTIAL"}]}""";

    private RetentionTestSupport() {
    }

    public static String newSubject() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    public static void publishFiche(String bootstrap, int number, String json) throws Exception {
        TestKafka.sendCloudEvent(bootstrap, Topics.REGISTER_FICHES, String.valueOf(number), EventTypes.FICHE_PUBLISHED,
                json);
    }

    public static String fiche1(int version, String duration, String trigger) {
        return FICHE_1.formatted(version, duration.substring(1, 2) + " ans après la fin de validité des droits",
                duration, trigger);
    }

    public static String lifecycleData(String subject, LocalDate occurredOn, String caisse, List<Integer> fiches,
            String dossier) {
        return "{\"subjectRef\":\"" + subject + "\",\"occurredOn\":\"" + occurredOn + "\",\"caisseCode\":\"" + caisse
                + "\"" + (fiches == null ? "" : ",\"ficheNumbers\":" + fiches.stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "[", "]")))
                + (dossier == null ? "" : ",\"dossierRef\":\"" + dossier + "\"") + "}";
    }

    public static void sendLifecycle(String bootstrap, String subject, String event, LocalDate occurredOn, List<Integer> fiches,
            String dossier, String id) throws Exception {
        sendLifecycle(bootstrap, subject, event, lifecycleData(subject, occurredOn, "CPAM-75", fiches, dossier), id);
    }

    /** A lifecycle event as a system of the network publishes it: with its token (every type, every caisse). */
    public static void sendLifecycle(String bootstrap, String subject, String event, String data, String id)
            throws Exception {
        TestKafka.sendCloudEvent(bootstrap, Topics.LIFECYCLE_EVENTS, subject, EventTypes.LIFECYCLE_PREFIX + event,
                data, id, SOURCE, Map.of(PUBLISHER_HEADER, everything()));
    }

    public static final String SOURCE = "urn:test:lifecycle";
    public static final String PUBLISHER_HEADER = "rgpd-publisher-token";

    /** The token of a test system allowed every lifecycle type, litigations included, for every caisse. */
    public static String everything() {
        return TestTokens.publisher("test-lifecycle", SOURCE, List.of("*", "litigation-opened", "litigation-closed"),
                List.of("*"));
    }

    public static long count(AgroalDataSource ds, String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void awaitCount(AgroalDataSource ds, long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(ds, sql, params) == expected);
    }
}
