package fr.assurancemaladie.rgpd.endtoend.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser of the tests: the system's Chromium (Debian's {@code chromium} package), never a browser downloaded by
 * a test tool. Found at {@code RGPD_CHROMIUM}, {@code /usr/bin/chromium} or {@code /usr/bin/chromium-browser};
 * installed with apt when missing (as root, or through password-less sudo). When it can be neither found nor
 * installed the tests fail, with what to do: they never skip.
 */
final class SystemChromium {

    static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    /**
     * Flags for a sandboxed CI machine: no GPU, no QUIC, and none of the background connections that a closed
     * network refuses (updates, sync, field trials). {@code --no-sandbox} because the tests may run as root.
     */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-dev-shm-usage");

    private SystemChromium() {
    }

    static synchronized Path find() {
        Path found = lookup();
        if (found != null) {
            return found;
        }
        List<String> transcript = new ArrayList<>();
        install(transcript);
        found = lookup();
        if (found == null) {
            throw new AssertionError("No Chromium on this machine, and it could not be installed: the browser tests "
                    + "cannot run (they never skip). Install Debian's package (apt-get install chromium) or set "
                    + "RGPD_CHROMIUM to a Chromium binary.\n" + String.join("\n", transcript));
        }
        return found;
    }

    private static Path lookup() {
        String configured = System.getenv("RGPD_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isExecutable(p)) {
                throw new AssertionError("RGPD_CHROMIUM=" + configured + " is not an executable file");
            }
            return p;
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** apt-get install chromium, refreshing the package lists only if the first attempt fails. */
    private static void install(List<String> transcript) {
        List<String> prefix = root() ? List.of() : List.of("sudo", "-n");
        if (!root() && run(List.of("sudo", "-n", "true"), transcript, 30) != 0) {
            transcript.add("not root, and no password-less sudo: cannot install packages");
            return;
        }
        List<String> installCommand = new ArrayList<>(prefix);
        installCommand.addAll(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"));
        System.out.println("[browser tests] Chromium is missing: installing Debian's package (apt-get install chromium)");
        if (run(installCommand, transcript, 900) == 0) {
            return;
        }
        List<String> update = new ArrayList<>(prefix);
        update.addAll(List.of("apt-get", "update", "-q"));
        run(update, transcript, 600);
        run(installCommand, transcript, 900);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int run(List<String> command, List<String> transcript, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("DEBIAN_FRONTEND", "noninteractive");
            Path log = Files.createTempFile("chromium-install", ".log");
            Process p = builder.redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                transcript.add(String.join(" ", command) + ": timed out after " + timeoutSeconds + " s");
                return -1;
            }
            List<String> lines = Files.readAllLines(log);
            Files.deleteIfExists(log);
            transcript.add(String.join(" ", command) + " → exit " + p.exitValue());
            transcript.addAll(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            return p.exitValue();
        } catch (IOException e) {
            transcript.add(String.join(" ", command) + ": " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
