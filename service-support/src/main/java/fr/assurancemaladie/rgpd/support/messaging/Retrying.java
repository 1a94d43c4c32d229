package fr.assurancemaladie.rgpd.support.messaging;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * What a consumer does with a valid record it cannot store yet (database restarting, pool exhausted, broker down):
 * try again with a capped exponential back-off, holding the partition, so that nothing is skipped. When the service
 * is stopping the failure is rethrown: the record is not acknowledged and is read again at the next start.
 *
 * <p>What no retry can fix is rethrown at once as an {@link InvalidRecord}, for the dead-letter topic: a record that
 * breaks the contract, a value the database refuses (SQLSTATE class 22, data: a number out of range, a character the
 * encoding refuses…; class 23, integrity: a check or a reference the record breaks), and a computation the record's
 * values make impossible (a date past the calendar, an arithmetic overflow) — a check the consumer missed must cost
 * one record, never the partition. Anything else (the database, the broker or the realm away; a fault of the
 * service itself) is retried: a record is never dead-lettered for a reason that is not its own.
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
                String dataError = dataExceptionState(e);
                if (dataError != null) {
                    throw new InvalidRecord("La base de données refuse une valeur de l'enregistrement (SQLSTATE "
                            + dataError + ").");
                }
                Throwable impossible = impossibleComputation(e);
                if (impossible != null) {
                    throw new InvalidRecord("Les valeurs de l'enregistrement rendent un calcul impossible ("
                            + impossible.getClass().getSimpleName() + ").");
                }
                if (!running.getAsBoolean()) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                log.warnf("%s not stored yet (%s); retrying in %d ms", what, why(e), backoff);
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

    /** The SQLSTATE of a data or integrity exception (class 22 or 23) in the cause chain, or null. */
    static String dataExceptionState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A date past the calendar or an arithmetic overflow in the cause chain, or null. */
    static Throwable impossibleComputation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.time.DateTimeException || t instanceof ArithmeticException) {
                return t;
            }
        }
        return null;
    }

    /**
     * Why, for the log: the database's failure when there is one in the cause chain (its class and SQLSTATE: the
     * adapters wrap it), else the exception and the start of its message.
     */
    static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return t.getClass().getSimpleName() + ", SQLSTATE " + Excerpt.of(String.valueOf(sql.getSQLState()), 8);
            }
        }
        return e.getClass().getSimpleName() + ": " + Excerpt.of(String.valueOf(e.getMessage()), 200);
    }
}
