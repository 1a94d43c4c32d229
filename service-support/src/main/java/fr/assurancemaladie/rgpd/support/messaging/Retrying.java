package fr.assurancemaladie.rgpd.support.messaging;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * What a consumer does with a valid record it cannot store yet (database restarting, pool exhausted): try again with
 * a capped exponential back-off, holding the partition, so that nothing is skipped. When the service is stopping the
 * failure is rethrown: the record is not acknowledged and is read again at the next start. An {@link InvalidRecord}
 * is rethrown at once: no retry fixes a record that breaks the contract.
 */
public final class Retrying {

    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    private Retrying() {
    }

    public static <T> T untilDone(Callable<T> work, BooleanSupplier running, Logger log, String what) {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            try {
                return work.call();
            } catch (InvalidRecord e) {
                throw e;
            } catch (Exception e) {
                if (!running.getAsBoolean()) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                log.warnf("%s not stored yet (%s: %s); retrying in %d ms", what, e.getClass().getSimpleName(),
                        e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while retrying", ie);
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }
}
