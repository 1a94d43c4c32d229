package fr.assurancemaladie.rgpd.journey;

import com.fasterxml.jackson.databind.JsonNode;
import fr.assurancemaladie.rgpd.events.EventTypes;
import fr.assurancemaladie.rgpd.events.Nir;
import fr.assurancemaladie.rgpd.events.SubjectRefs;
import fr.assurancemaladie.rgpd.events.Topics;
import fr.assurancemaladie.rgpd.journey.Api.Reply;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The platform's whole journey, across the three services, as their users live it: a citizen reads the register and
 * asks; a lifecycle event schedules a deletion; the citizen's limitation holds it; lifted, it is ordered and proven;
 * another caisse's DPO sees none of it. Every step checks what it must see and stops the journey with a
 * {@link Failure} naming the step when it does not. {@code ./run-local --demo} narrates it; the end-to-end test
 * runs the same code.
 */
public final class Journey {

    /** Where the platform is. {@code pepper} is the subjectRef pepper the services share (a lifecycle system has it). */
    public record Platform(URI register, URI rights, URI retention, String issuer, String kafkaBootstrap,
            String pepper) {
    }

    /** A step did not see what it must. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** What the journey went through, for whoever ran it. */
    public record Outcome(String subjectRef, String accessRequestId, LocalDate accessDueOn, String scheduleId,
            LocalDate deletionDueOn, String proofId, int steps) {
    }

    static final String CITIZEN = "citoyen.paris";
    static final String CITIZEN_NIR = "185057505612388";
    static final int FICHE = 1;

    private final Platform platform;
    private final PrintStream out;
    private final Api api;
    private int step;

    public Journey(Platform platform, PrintStream out) {
        this.platform = platform;
        this.out = out;
        this.api = new Api(platform.issuer());
    }

    public Outcome run() throws Exception {
        String citizen = api.login(CITIZEN);
        String dpoParis = api.login("dpo.paris");
        String dpoMetz = api.login("dpo.metz");
        String admin = api.login("admin");
        String lifecycleSystem = api.system("sih-lifecycle", "sih-lifecycle-dev-secret");
        String subjectRef = new SubjectRefs(platform.pepper()).of(Nir.parse(CITIZEN_NIR));

        step("citoyen.paris reads fiche " + FICHE + " of the register (register-service, public)");
        Reply fiche = api.get(platform.register(), "/api/v1/fiches/" + FICHE, citizen);
        expect(fiche.status() == 200, "the fiche is readable: HTTP " + fiche.status());
        say("« %s »", fiche.text("/title"));
        say("retention: %s", fiche.text("/retentionRules/0/text"));
        say("right to object: %s — %s", fiche.body().at("/rights/objection/applies").asBoolean() ? "applies"
                : "does not apply", fiche.text("/rights/objection/reason"));
        awaitProjection(dpoParis);

        step("citoyen.paris asks for ACCESS to fiche " + FICHE + " (rights-service)");
        Reply access = api.post(platform.rights(), "/api/v1/requests", citizen, "application/json",
                "{\"type\":\"ACCESS\",\"ficheNumber\":" + FICHE + ",\"message\":\"Je souhaite accéder à mes données.\"}");
        expect(access.status() == 201, "the request is accepted: HTTP " + access.status() + " " + access.raw());
        expect("CPAM-75".equals(access.text("/caisse/code")), "routed to the caisse of Paris, got " + access.raw());
        LocalDate accessDue = LocalDate.parse(access.text("/dueOn"));
        say("request %s, status %s, routed to %s (dpo.paris), answer due by %s", access.text("/id"),
                access.text("/status"), access.text("/caisse/code"), accessDue);
        Reply queue = api.get(platform.rights(), "/api/v1/queues/CPAM-75/requests?size=100", dpoParis);
        expect(queue.status() == 200 && queue.raw().contains(access.text("/id")), "in dpo.paris's queue");
        say("dpo.paris sees it in the CPAM-75 queue");

        step("citoyen.paris objects (OBJECTION) to fiche " + FICHE + ": answered at once from the register");
        Reply objection = api.post(platform.rights(), "/api/v1/requests", citizen, "application/json",
                "{\"type\":\"OBJECTION\",\"ficheNumber\":" + FICHE + "}");
        expect(objection.status() == 201, "the objection is recorded: HTTP " + objection.status());
        expect("ANSWERED_NOT_APPLICABLE".equals(objection.text("/status")),
                "answered automatically, got " + objection.text("/status"));
        String answer = objection.text("/answer");
        expect(answer != null && answer.contains("CNIL"), "the answer gives the CNIL route: " + answer);
        say("status %s; answer: %s", objection.text("/status"), abbreviate(answer, 160));

        step("the affiliation system says citoyen.paris's rights ended (POST /api/v1/lifecycle-events)");
        LocalDate rightsEnd = LocalDate.now().minusDays(1);
        String eventId = "journey-" + UUID.randomUUID();
        Reply posted = api.post(platform.retention(), "/api/v1/lifecycle-events", lifecycleSystem,
                "application/cloudevents+json", """
                {"specversion": "1.0", "id": "%s", "source": "urn:assurancemaladie:sih:affiliation",
                 "type": "%s", "datacontenttype": "application/json",
                 "data": {"subjectRef": "%s", "occurredOn": "%s", "caisseCode": "CPAM-75", "ficheNumbers": [%d]}}
                """.formatted(eventId, EventTypes.LIFECYCLE_PREFIX + "rights-end", subjectRef, rightsEnd, FICHE));
        expect(posted.status() == 202, "accepted onto lifecycle.events: HTTP " + posted.status() + " " + posted.raw());
        JsonNode schedule = await("the deletion is scheduled", () -> newestSchedule(dpoParis, subjectRef, rightsEnd));
        String scheduleId = schedule.path("id").asText();
        LocalDate deletionDue = LocalDate.parse(schedule.path("dueOn").asText());
        say("schedule %s: fiche %d, rule « %s », triggered %s, due %s (%s)", scheduleId, FICHE,
                schedule.at("/rule/text").asText(), rightsEnd, deletionDue, schedule.path("fate").asText());

        step("citoyen.paris asks for LIMITATION of fiche " + FICHE + "; dpo.paris accepts it");
        Reply limitation = api.post(platform.rights(), "/api/v1/requests", citizen, "application/json",
                "{\"type\":\"LIMITATION\",\"ficheNumber\":" + FICHE + ",\"message\":\"Je conteste l'exactitude de "
                        + "mes données.\"}");
        expect(limitation.status() == 201, "the limitation request is accepted: HTTP " + limitation.status());
        String limitationId = limitation.text("/id");
        action(dpoParis, limitationId, "{\"action\":\"START\"}");
        action(dpoParis, limitationId, "{\"action\":\"ANSWER\",\"answer\":\"La limitation du traitement est "
                + "appliquée pendant la vérification de l'exactitude de vos données.\"}");
        JsonNode hold = await("retention-service holds the deletions", () -> activeHold(dpoParis, subjectRef));
        say("hold %s (%s) since %s: %s", hold.path("id").asText(), hold.path("kind").asText(),
                hold.path("fromOn").asText(), hold.path("reason").asText());

        LocalDate pastDue = deletionDue.plusDays(1);
        step("the sweep runs as if it were " + pastDue + ", past the due date: nothing is ordered");
        sweep(admin, pastDue);
        JsonNode held = schedule(dpoParis, scheduleId);
        expect("SCHEDULED".equals(held.path("status").asText()) && held.path("held").asBoolean(),
                "still scheduled and held, got " + held);
        say("schedule %s: %s, held", scheduleId, held.path("status").asText());

        step("dpo.paris tells citoyen.paris the limitation will be lifted, then lifts it (GDPR art. 18(3))");
        action(dpoParis, limitationId, "{\"action\":\"NOTIFY_LIFT\",\"reason\":\"Vos données ont été vérifiées et "
                + "sont exactes ; la limitation sera levée.\"}");
        action(dpoParis, limitationId, "{\"action\":\"LIFT\"}");
        await("the hold is released", () -> activeHold(dpoParis, subjectRef) == null ? Boolean.TRUE : null);
        say("no active hold left on citoyen.paris");

        step("the next sweep (as of " + pastDue + ") orders the deletion");
        Map<TopicPartition, Long> before = endOffsets(Topics.DELETION_ORDERS);
        sweep(admin, pastDue);
        JsonNode ordered = schedule(dpoParis, scheduleId);
        expect("ORDERED".equals(ordered.path("status").asText()), "ordered, got " + ordered);
        String order = readOrder(before, scheduleId);
        expect(order != null, "the order is on " + Topics.DELETION_ORDERS);
        say("order on %s: %s", Topics.DELETION_ORDERS, abbreviate(order, 200));

        step("the system holding the data confirms; retention-service keeps a proof of deletion");
        confirm(subjectRef, scheduleId);
        JsonNode proof = await("the proof is recorded", () -> {
            Reply proofs = api.get(platform.retention(), "/api/v1/proofs?subjectRef=" + subjectRef + "&size=200",
                    dpoParis);
            for (JsonNode p : proofs.body().path("items")) {
                if (scheduleId.equals(p.path("scheduleId").asText())) {
                    return p;
                }
            }
            return null;
        });
        say("proof %s: fiche %d, « %s », triggered %s, due %s, confirmed %s by %s", proof.path("id").asText(),
                proof.path("ficheNumber").asInt(), proof.path("ruleText").asText(), proof.path("triggerDate").asText(),
                proof.path("dueOn").asText(), proof.path("confirmedAt").asText(), proof.path("confirmingSystem").asText());

        step("dpo.metz (CPAM-57) sees none of it");
        expect(api.get(platform.rights(), "/api/v1/requests/" + access.text("/id"), dpoMetz).status() == 404,
                "another caisse's DPO gets 404 on the request");
        Reply metzSchedules = api.get(platform.retention(), "/api/v1/schedules?subjectRef=" + subjectRef, dpoMetz);
        expect(metzSchedules.status() == 200 && metzSchedules.body().path("items").isEmpty(), "no schedule for dpo.metz");
        Reply metzProofs = api.get(platform.retention(), "/api/v1/proofs?subjectRef=" + subjectRef, dpoMetz);
        expect(metzProofs.status() == 200 && metzProofs.body().path("items").isEmpty(), "no proof for dpo.metz");
        Reply metzHolds = api.get(platform.retention(), "/api/v1/holds?active=ALL&subjectRef=" + subjectRef, dpoMetz);
        expect(metzHolds.status() == 200 && metzHolds.body().path("items").isEmpty(), "no hold for dpo.metz");
        expect(api.get(platform.rights(), "/api/v1/queues/CPAM-75/requests", dpoMetz).status() == 403,
                "the CPAM-75 queue is closed to dpo.metz");
        say("request: 404; schedules, holds, proofs: none; the CPAM-75 queue: 403");

        out.printf("%nThe journey went through its %d steps.%n", step);
        return new Outcome(subjectRef, access.text("/id"), accessDue, scheduleId, deletionDue,
                proof.path("id").asText(), step);
    }

    /** The services' projections of the register are filled from register.fiches at start: wait for fiche 1. */
    private void awaitProjection(String dpo) throws Exception {
        for (URI service : List.of(platform.rights(), platform.retention())) {
            await("the register is projected in " + service, () -> {
                Reply r = api.get(service, "/api/v1/register-projection", dpo);
                return r.status() == 200 && r.raw().contains("\"number\":" + FICHE + ",") ? Boolean.TRUE : null;
            });
        }
    }

    private JsonNode newestSchedule(String dpo, String subjectRef, LocalDate triggerDate) throws Exception {
        Reply r = api.get(platform.retention(), "/api/v1/schedules?status=SCHEDULED&fiche=" + FICHE + "&subjectRef="
                + subjectRef + "&size=200", dpo);
        JsonNode found = null;
        for (JsonNode s : r.body().path("items")) {
            if (triggerDate.toString().equals(s.path("triggerDate").asText())
                    && (found == null || s.path("createdAt").asText().compareTo(found.path("createdAt").asText()) > 0)) {
                found = s;
            }
        }
        return found;
    }

    private JsonNode schedule(String dpo, String id) throws Exception {
        Reply r = api.get(platform.retention(), "/api/v1/schedules/" + id, dpo);
        expect(r.status() == 200, "schedule " + id + " readable by dpo.paris: HTTP " + r.status());
        return r.body();
    }

    private JsonNode activeHold(String dpo, String subjectRef) throws Exception {
        Reply r = api.get(platform.retention(), "/api/v1/holds?subjectRef=" + subjectRef, dpo);
        for (JsonNode h : r.body().path("items")) {
            if ("LIMITATION".equals(h.path("kind").asText())) {
                return h;
            }
        }
        return null;
    }

    private void action(String dpo, String requestId, String body) throws Exception {
        Reply r = api.post(platform.rights(), "/api/v1/requests/" + requestId + "/actions", dpo, "application/json",
                body);
        expect(r.status() == 200, "action " + body + " accepted: HTTP " + r.status() + " " + r.raw());
        say("dpo.paris: %s → %s", Api.JSON.readTree(body).path("action").asText(), r.text("/status"));
    }

    private void sweep(String admin, LocalDate asOf) throws Exception {
        Reply r = api.post(platform.retention(), "/api/v1/sweeps?asOf=" + asOf, admin, null, null);
        for (int tries = 0; r.status() == 409 && tries < 20; tries++) { // the scheduled sweep is running: wait for it
            Thread.sleep(500);
            r = api.post(platform.retention(), "/api/v1/sweeps?asOf=" + asOf, admin, null, null);
        }
        expect(r.status() == 200, "the sweep ran: HTTP " + r.status() + " " + r.raw());
        say("sweep as of %s: %d deletion(s) ordered on the whole platform", asOf, r.body().path("ordered").asInt());
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> c = consumer()) {
            return c.endOffsets(c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList());
        }
    }

    /** The order for {@code scheduleId}, read from the offsets the topic had before the sweep. */
    private String readOrder(Map<TopicPartition, Long> from, String scheduleId) {
        try (KafkaConsumer<String, String> c = consumer()) {
            c.assign(from.keySet());
            from.forEach(c::seek);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    var id = r.headers().lastHeader("ce_id");
                    if (id != null && scheduleId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        return r.value();
                    }
                }
            }
            return null;
        }
    }

    private void confirm(String subjectRef, String scheduleId) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DELETION_CONFIRMATIONS, subjectRef,
                    "{\"scheduleId\":\"" + scheduleId + "\",\"subjectRef\":\"" + subjectRef + "\",\"confirmedAt\":\""
                            + Instant.now() + "\",\"system\":\"SI-PRESTATIONS\"}");
            Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id",
                    UUID.randomUUID().toString(), "ce_type", EventTypes.DELETION_CONFIRMED, "ce_source",
                    "urn:assurancemaladie:si-prestations", "content-type", "application/json"));
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        say("SI-PRESTATIONS sent %s for schedule %s", EventTypes.DELETION_CONFIRMED, scheduleId);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private <T> T await(String what, Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new Failure("Step " + step + ": timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }

    private void step(String title) {
        step++;
        out.printf("%n%d. %s%n", step, title);
    }

    private void say(String format, Object... args) {
        out.printf("   " + format + "%n", args);
    }

    private void expect(boolean ok, String what) {
        if (!ok) {
            throw new Failure("Step " + step + ": expected " + what);
        }
    }

    private static String abbreviate(String s, int max) {
        String line = s == null ? null : s.replaceAll("\\s+", " ");
        return line == null || line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
