package fr.assurancemaladie.rgpd.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark ran on, in one line: CPU model, cores, memory, Java (every {@code tools/bench} figure). */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the cores and Java version are still known
        }
        return String.format("%s, %d cores, %.0f GB RAM, Java %s", cpu, Runtime.getRuntime().availableProcessors(),
                memKb / 1024.0 / 1024.0, System.getProperty("java.version"));
    }
}
