package fr.assurancemaladie.rgpd.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
public final class Ports {

    private Ports() {
    }

    /** A port the system says is free right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code preferred} if free, else the next free port above it (at most 100 tries). */
    public static int firstFreeFrom(int preferred) {
        for (int port = preferred; port < preferred + 100; port++) {
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port in " + preferred + ".." + (preferred + 99));
    }
}
