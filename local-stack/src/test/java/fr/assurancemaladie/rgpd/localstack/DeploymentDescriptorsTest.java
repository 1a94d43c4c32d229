package fr.assurancemaladie.rgpd.localstack;

import fr.assurancemaladie.rgpd.infra.PlatformTopics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The production shape stays valid: {@code kubectl kustomize} renders both overlays, and {@code docker compose config}
 * ({@code docker-compose config} for Compose v1) accepts the compose file — each where the tool exists, skipped
 * otherwise. The compose file is also checked without Docker: its services, dependencies, health checks, mounted
 * files and the environment each service gets.
 */
class DeploymentDescriptorsTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> SERVICES = List.of("register-service", "rights-service", "retention-service");
    /** The services and the portal: each a Deployment with its probes on the management interface. */
    static final List<String> PROCESSES = List.of("register-service", "rights-service", "retention-service", "portal");

    record Run(int exit, String out) {
    }

    static Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Run(p.exitValue(), out);
    }

    static boolean available(String... command) {
        try {
            return run(List.of(command)).exit() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            it.forEachRemaining(d -> {
                if (d != null && !d.isMissingNode() && !d.isNull()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void kustomizeRendersEachOverlay(String overlay) throws Exception {
        assumeTrue(available("kubectl", "version", "--client"), "kubectl is not installed here");
        Run r = run(List.of("kubectl", "kustomize", "k8s/overlays/" + overlay));
        assertEquals(0, r.exit(), r.out());
        List<JsonNode> docs = documents(r.out());
        List<String> kinds = docs.stream().map(d -> d.path("kind").asText()).toList();
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "Ingress", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster")) {
            assertTrue(kinds.contains(kind), overlay + " renders a " + kind + ": " + kinds);
        }
        for (String service : PROCESSES) {
            JsonNode deployment = docs.stream().filter(d -> "Deployment".equals(d.path("kind").asText())
                    && service.equals(d.at("/metadata/name").asText())).findFirst().orElse(MissingNode.getInstance());
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), service);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(),
                        service + " " + probe + " is on the management interface, not the public port");
            }
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean()
                    || container.at("/securityContext/runAsNonRoot").asBoolean(), service + " runs as non-root");
            assertFalse(container.at("/resources/limits/memory").isMissingNode(), service + " has limits");
        }
        assertTrue(docs.stream().anyMatch(d -> "HorizontalPodAutoscaler".equals(d.path("kind").asText())
                && "rights-service".equals(d.at("/spec/scaleTargetRef/name").asText())), "HPA on rights-service");
        JsonNode fiches = docs.stream().filter(d -> "KafkaTopic".equals(d.path("kind").asText())
                && "register.fiches".equals(d.at("/spec/topicName").asText(d.at("/metadata/name").asText())))
                .findFirst().orElse(MissingNode.getInstance());
        assertEquals("compact", fiches.at("/spec/config/cleanup.policy").asText(), "register.fiches is compacted");
        JsonNode lifecycle = docs.stream().filter(d -> "KafkaTopic".equals(d.path("kind").asText())
                && "lifecycle.events".equals(d.at("/spec/topicName").asText())).findFirst()
                .orElse(MissingNode.getInstance());
        assertEquals("LogAppendTime", lifecycle.at("/spec/config/message.timestamp.type").asText(),
                "lifecycle.events is timestamped by the broker");
        String allowAsOf = "production".equals(overlay) ? "false" : "true";
        assertTrue(r.out().contains("RGPD_RETENTION_SWEEP_ALLOW_AS_OF: \"" + allowAsOf + "\""),
                "sweeps as of another day: " + allowAsOf + " in " + overlay);
        if ("production".equals(overlay)) {
            assertFalse(kinds.contains("Secret"), "no secret is committed for production");
        }
        JsonNode portalConfig = docs.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())
                && d.at("/metadata/name").asText().startsWith("portal-config")).findFirst()
                .orElse(MissingNode.getInstance());
        assertEquals("production".equals(overlay) ? "true" : "false",
                portalConfig.at("/data/QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE").asText(),
                "the portal's cookies are Secure outside a laptop");
        assertTrue(docs.stream().anyMatch(d -> "Ingress".equals(d.path("kind").asText())
                && d.toString().contains("portal.rgpd.example")), "the portal is published");
    }

    @Test
    void dockerComposeConfigAcceptsTheFile() throws Exception {
        List<String> compose = available("docker", "compose", "version") ? List.of("docker", "compose")
                : available("docker-compose", "version") ? List.of("docker-compose") : null;
        assumeTrue(compose != null, "neither docker compose nor docker-compose is installed here");
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", "docker-compose.yml", "config", "-q"));
        Run r = run(command);
        assertEquals(0, r.exit(), r.out());
    }

    @Test
    void theComposeFileWiresEveryServiceWithoutDocker() throws Exception {
        // SnakeYAML resolves the anchors, aliases and merge keys (<<) the file uses, as Compose does
        JsonNode file = YAML.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(
                ROOT.resolve("docker-compose.yml"))));
        assertTrue(file.path("version").isMissingNode(), "Compose specification: no version key");
        JsonNode services = file.path("services");
        for (String name : List.of("postgres", "kafka", "kafka-init", "keycloak", "register-service", "rights-service",
                "retention-service", "portal")) {
            assertTrue(services.has(name), "service " + name);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> s = it.next();
            for (Iterator<String> deps = s.getValue().path("depends_on").fieldNames(); deps.hasNext();) {
                String dep = deps.next();
                assertTrue(services.has(dep), s.getKey() + " depends on an existing service " + dep);
            }
            if (!"kafka-init".equals(s.getKey())) {
                assertFalse(s.getValue().path("healthcheck").isMissingNode(), s.getKey() + " has a health check");
            }
            for (JsonNode volume : s.getValue().path("volumes")) {
                String v = volume.asText();
                if (v.startsWith("./")) {
                    assertTrue(Files.exists(ROOT.resolve(v.substring(2, v.indexOf(':')))), "mounted file " + v);
                }
            }
        }
        for (String service : SERVICES) {
            JsonNode s = services.path(service);
            assertTrue(Files.exists(ROOT.resolve(service).resolve(s.at("/build/dockerfile").asText())),
                    service + " builds from its Dockerfile");
            String env = s.path("environment").toString();
            for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS",
                    "QUARKUS_OIDC_AUTH_SERVER_URL", "RGPD_PSEUDONYMISATION_PEPPER")) {
                assertTrue(env.contains(variable), service + " gets " + variable);
            }
            assertEquals("service_healthy", s.at("/depends_on/kafka/condition").asText(), service);
            assertTrue(s.at("/healthcheck/test").toString().contains("127.0.0.1:9000/q/health"),
                    service + " is checked on its management interface: " + s.at("/healthcheck/test"));
            assertEquals("9000", s.at("/environment/QUARKUS_MANAGEMENT_PORT").asText(), service);
        }
        JsonNode portal = services.path("portal");
        assertTrue(Files.exists(ROOT.resolve("portal").resolve(portal.at("/build/dockerfile").asText())),
                "the portal builds from its Dockerfile");
        for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "RGPD_PORTAL_SESSION_KEY", "QUARKUS_REST_CLIENT_REGISTER_URL",
                "QUARKUS_REST_CLIENT_RIGHTS_URL", "QUARKUS_REST_CLIENT_RETENTION_URL")) {
            assertFalse(portal.at("/environment/" + variable).isMissingNode(), "the portal gets " + variable);
        }
        for (String service : SERVICES) {
            assertEquals("service_healthy", portal.at("/depends_on/" + service + "/condition").asText(),
                    "the portal starts after " + service);
        }
        assertEquals("8080:8080", portal.at("/ports/0").asText(), "the portal on http://localhost:8080");
        assertTrue(Files.readString(ROOT.resolve("deploy/compose/postgres-init.sql"))
                .contains("CREATE DATABASE portal OWNER portal"), "the portal's database");
        String topics = services.at("/kafka-init/command").toString();
        assertTrue(topics.contains("--topic lifecycle.events --partitions 3 --config message.timestamp.type=LogAppendTime"),
                "lifecycle.events is timestamped by the broker: " + topics);
    }

    @Test
    void theLocalStackTimestampsLifecycleEventsByTheBroker() {
        var lifecycle = PlatformTopics.all(3).stream()
                .filter(t -> t.name().equals(fr.assurancemaladie.rgpd.events.Topics.LIFECYCLE_EVENTS)).findFirst()
                .orElseThrow();
        assertEquals("LogAppendTime", lifecycle.configs().get("message.timestamp.type"));
    }
}
