package fr.assurancemaladie.rgpd.localstack;

import fr.assurancemaladie.rgpd.infra.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test ({@code tools/bench/startup-bench.sh}): each service's start-up time and memory, one at a time,
 * with the infrastructure already up ({@code ./run-local} in another terminal). For each service, a second replica is
 * started from its packaged jar on free ports, with the local run's configuration and the JVM options of {@link
 * ServiceProcess} (or {@code rgpd.service.jvm-options}); it measures the time from the JVM's launch to its first
 * {@code 200} on {@code /q/health/ready} (polled every 20 ms) and Quarkus's own "started in", then warms it up with
 * requests on its main pages and APIs and reads its resident memory ({@code VmRSS}, and the peak {@code VmHWM}) from
 * {@code /proc}. Then it stops that replica and goes to the next service.
 */
public final class StartupBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("rgpd.root", ".")).toAbsolutePath().normalize();
        Properties stack = new Properties();
        try (var in = Files.newInputStream(root.resolve(".local-data").resolve(LocalRun.STACK_FILE))) {
            stack.load(in);
        }
        int pgPort = Integer.parseInt(stack.getProperty("postgres.port", "5432"));
        String issuer = "http://127.0.0.1:" + LocalRun.KEYCLOAK_PORT + "/realms/rgpd";
        int requests = Integer.getInteger("bench.requests", 3000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<String> only = args.length > 0 ? List.of(args) : List.of();
        System.out.printf("[bench] machine: %s; JVM options: %s%n", fr.assurancemaladie.rgpd.infra.Machine.describe(),
                System.getProperty("rgpd.service.jvm-options", String.join(" ", ServiceProcess.JVM_OPTIONS)));
        String dpo = token(issuer, "dpo.paris");
        String admin = token(issuer, "admin");
        for (LocalRun.Service s : LocalRun.SERVICES) {
            if (!only.isEmpty() && !only.contains(s.name())) {
                continue;
            }
            for (int round = 1; round <= rounds; round++) {
                int port = free(), management = free();
                Map<String, String> config = LocalRun.serviceConfig(s, "jdbc:postgresql://127.0.0.1:" + pgPort + "/"
                        + s.database(), stack.getProperty("kafka.bootstrap.servers"), issuer, LocalRun.SMTP_PORT);
                Path log = Files.createTempFile("startup-" + s.name(), ".log");
                long t0 = System.nanoTime();
                try (ServiceProcess p = ServiceProcess.start(root.resolve(s.name()), s.name(), port, management,
                        config, log)) {
                    URI ready = URI.create("http://127.0.0.1:" + management + "/q/health/ready");
                    while (status(ready) != 200) {
                        if (!p.alive() || System.nanoTime() - t0 > Duration.ofMinutes(3).toNanos()) {
                            throw new IllegalStateException(s.name() + " did not become ready, see " + log);
                        }
                        Thread.sleep(20);
                    }
                    double readyS = (System.nanoTime() - t0) / 1e9;
                    long rssReady = memory(p.pid(), "VmRSS");
                    Matcher m = STARTED.matcher(Files.readString(log));
                    String started = m.find() ? m.group(1) + " s" : "?";
                    long t1 = System.nanoTime();
                    int failed = warmUp(s, port, dpo, admin, requests);
                    double warm = (System.nanoTime() - t1) / 1e9;
                    System.out.printf("[bench] %-17s round %d: ready %.2f s after launch (Quarkus: started in %s); "
                            + "RSS %d MB when ready, %d MB after %,d requests in %.1f s (%d not 2xx/3xx), peak %d MB%n",
                            s.name(), round, readyS, started, rssReady >> 10, memory(p.pid(), "VmRSS") >> 10, requests,
                            warm, failed, memory(p.pid(), "VmHWM") >> 10);
                }
                Files.deleteIfExists(log);
            }
        }
    }

    /** Requests on what people and systems use most, 8 at a time; returns how many failed. */
    static int warmUp(LocalRun.Service s, int port, String dpo, String admin, int n) throws Exception {
        String base = "http://127.0.0.1:" + port;
        List<String[]> calls = switch (s.name()) {
            case "register-service" -> List.of(new String[] { "/api/v1/fiches?size=20", null },
                    new String[] { "/api/v1/fiches/{n}", null });
            case "rights-service" -> List.of(new String[] { "/api/v1/queues/CPAM-75/requests?size=50", dpo },
                    new String[] { "/api/v1/deadlines?receivedOn=2026-12-01&caisse=CPAM-75", dpo },
                    new String[] { "/api/v1/me", dpo });
            case "retention-service" -> List.of(new String[] { "/api/v1/reports/upcoming?days=30", dpo },
                    new String[] { "/api/v1/schedules?size=20", admin }, new String[] { "/api/v1/me", dpo });
            default -> List.of(new String[] { "/", null }, new String[] { "/registre", null },
                    new String[] { "/registre/fiches/{n}", null });
        };
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] call = calls.get(i % calls.size());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call[0].replace("{n}",
                    Integer.toString(1 + i % 87)))).timeout(Duration.ofSeconds(30));
            if (call[1] != null) {
                b.header("Authorization", "Bearer " + call[1]);
            }
            inFlight.acquire();
            all.add(HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                inFlight.release();
                return e == null && r.statusCode() < 400 ? 0 : 1;
            }));
        }
        return all.stream().mapToInt(CompletableFuture::join).sum();
    }

    static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    /** A {@code /proc/PID/status} figure in kB. */
    static long memory(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static String token(String issuer, String user) throws Exception {
        String form = "grant_type=password&client_id=rgpd-cli&username=" + user + "&password=" + user;
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + " (is ./run-local running?)");
        }
        return m.group(1);
    }

    static int free() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
