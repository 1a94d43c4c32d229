import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small open-model HTTP load tool (constant arrival rate, latency measured from the intended send time so a slow
 * server is not hidden by coordinated omission). Usage:
 *
 * <pre>java tools/load/HttpLoad.java URL RATE_PER_S DURATION_S [WARMUP_S] [--post BODY_FILE] [--token TOKEN_FILE]
 *     [--cookie COOKIE_FILE]</pre>
 *
 * {@code {n}} in the URL is replaced by a random number from 1 to 87 on each request. {@code --post} sends the file
 * as a JSON body, where {@code {nir}} becomes a random valid NIR on each request (many people, not one); {@code --token} adds {@code Authorization: Bearer} with the token in the file; {@code --cookie}
 * sends the file's content as the {@code Cookie} header (a signed-in portal session).
 */
public class HttpLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 && !args[3].startsWith("--") ? Integer.parseInt(args[3]) : 10;
        for (int i = 3; i < args.length - 1; i++) {
            if (args[i].equals("--post")) {
                body = java.nio.file.Files.readString(java.nio.file.Path.of(args[i + 1])).strip();
            } else if (args[i].equals("--token")) {
                token = java.nio.file.Files.readString(java.nio.file.Path.of(args[i + 1])).strip();
            } else if (args[i].equals("--cookie")) {
                cookie = java.nio.file.Files.readString(java.nio.file.Path.of(args[i + 1])).strip();
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        System.out.printf("warm-up: %d s at %d req/s%n", warmup, rate);
        run(client, url, rate, warmup);
        System.out.printf("measure: %d s at %d req/s against %s%n", seconds, rate, url);
        Result r = run(client, url, rate, seconds);
        List<Long> lat = new ArrayList<>(r.latenciesMicros);
        Collections.sort(lat);
        System.out.printf("requests %d, errors %d, non-2xx %d%n", r.sent, r.errors.get(), r.non2xx.get());
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", pct(lat, 50), pct(lat, 90),
                pct(lat, 99), pct(lat, 99.9), lat.isEmpty() ? 0 : lat.get(lat.size() - 1) / 1000.0);
        System.exit(0);
    }

    static String body;
    static String token;
    static String cookie;

    record Result(int sent, ConcurrentLinkedQueue<Long> latenciesMicros, AtomicInteger errors, AtomicInteger non2xx) {
    }

    static Result run(HttpClient client, String url, int rate, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger non2xx = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) {
                return;
            }
            long intended = start + i * periodNanos;
            String target = url.replace("{n}", String.valueOf(ThreadLocalRandom.current().nextInt(1, 88)));
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10));
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            HttpRequest request = body == null ? builder.GET().build()
                    : builder.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.replace("{nir}", randomNir()))).build();
            pending.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, failure) -> {
                long micros = (System.nanoTime() - intended) / 1000;
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    if (resp.statusCode() / 100 != 2) {
                        non2xx.incrementAndGet();
                    }
                    latencies.add(micros);
                }
                pending.decrementAndGet();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new Result(total, latencies, errors, non2xx);
    }

    /** A valid NIR, mostly of a different person each time: sex, year, month, Paris, commune, order, then the key. */
    static String randomNir() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first13 = String.format("%d%02d%02d75%03d%03d", r.nextInt(1, 3), r.nextInt(0, 100), r.nextInt(1, 13),
                r.nextInt(1, 121), r.nextInt(1, 1000));
        return first13 + String.format("%02d", 97 - Long.parseLong(first13) % 97);
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }
}
