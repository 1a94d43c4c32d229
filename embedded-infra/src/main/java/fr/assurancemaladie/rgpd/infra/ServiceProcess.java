package fr.assurancemaladie.rgpd.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate JVM, the
 * way it runs in production: by the local run, and by tests that kill it, restart it, or run several services
 * together. Configuration goes in as system properties; output goes to a log file. Closing it stops it (and is safe
 * to repeat).
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The JVM options of every service started here (local run, process tests, benchmarks); {@code
     * rgpd.service.jvm-options} replaces them, {@code rgpd.service.jvm-args} adds to them. Issue 15 measured leaner
     * ones ({@link #LEAN_JVM_OPTIONS}): 70–80 MB less resident memory per service, but ingestion fell from 0.91 × to
     * 0.68 × the raw baseline at a million events; these stay the default until the memory is cut elsewhere.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    /** The leaner options measured by {@code tools/bench/startup-bench.sh} (docs/scaling.md, "Lean services"). */
    public static final List<String> LEAN_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m");

    /** Written by Quarkus next to {@code quarkus-run.jar} when the module is packaged with AppCDS. */
    static final String APP_CDS = "app-cds.jsa";

    private final String name;
    private final Path jar;
    private final Map<String, String> config;
    private final Path log;
    private final int port;
    private final int managementPort;
    private Process process;

    private ServiceProcess(String name, Path jar, Map<String, String> config, Path log, int port, int managementPort) {
        this.name = name;
        this.jar = jar;
        this.config = config;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * @param moduleDir the service's Maven module (its {@code target/quarkus-app} must exist: run after {@code package})
     * @param config    Quarkus/MicroProfile properties ({@code quarkus.datasource.jdbc.url=…})
     */
    public static ServiceProcess start(Path moduleDir, String name, Map<String, String> config) throws IOException {
        return start(moduleDir, name, Ports.free(), Ports.free(), config,
                moduleDir.resolve("target/" + name + "-process.log"));
    }

    /**
     * The same on chosen ports (the API, and the management interface: health and metrics), logging to a chosen file
     * (appended to).
     */
    public static ServiceProcess start(Path moduleDir, String name, int port, int managementPort,
            Map<String, String> config, Path log) throws IOException {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the module first (./mvnw install -DskipTests)");
        }
        ServiceProcess p = new ServiceProcess(name, jar, config, log, port, managementPort);
        p.launch();
        return p;
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getProperty("rgpd.service.jvm-options");
        command.addAll(options == null ? JVM_OPTIONS : List.of(options.strip().split("\\s+")));
        if (Files.exists(jar.resolveSibling(APP_CDS)) && !"false".equals(System.getProperty("rgpd.service.app-cds"))) {
            // the class archive Quarkus wrote at packaging (quarkus.package.jar.appcds.enabled): same JDK, same jar
            command.add("-XX:SharedArchiveFile=" + APP_CDS);
        }
        String extra = System.getProperty("rgpd.service.jvm-args"); // e.g. a flight recording while benchmarking
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
    }

    /** The process id, to read its memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A path on the management interface ({@code /q/health/ready}, {@code /q/metrics}). */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    public int managementPort() {
        return managementPort;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits for {@code /q/health/ready} (management interface) to answer 200. */
    public ServiceProcess awaitReady(Duration timeout) throws IOException {
        HttpWait.untilOk(managementUri("/q/health/ready"), process, timeout, name, log);
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as when a node dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** Starts it again, same port, same configuration, after a kill or a stop. */
    public void restart() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            ProcessTrees.stop(process.toHandle(), Duration.ofSeconds(20));
        }
    }
}
