package fr.assurancemaladie.rgpd.infra;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process and all its descendants: SIGTERM first, SIGKILL after a grace period. */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    public static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            CompletableFuture<ProcessHandle> exit = p.onExit();
            try {
                exit.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
