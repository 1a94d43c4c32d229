package fr.assurancemaladie.rgpd.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Waiting for a child process to answer HTTP 200 on a URL, failing early if the process dies. */
public final class HttpWait {

    private HttpWait() {
    }

    /**
     * @param what named in the errors ("Keycloak", "rights-service")
     * @param log  the process's log, pointed at in the errors
     */
    public static void untilOk(URI uri, Process process, Duration timeout, String what, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(what + " stopped (exit " + process.exitValue() + "), see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + what, e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + what, e);
            }
        }
        throw new IOException(what + " not ready after " + timeout.toSeconds() + " s, see " + log);
    }
}
