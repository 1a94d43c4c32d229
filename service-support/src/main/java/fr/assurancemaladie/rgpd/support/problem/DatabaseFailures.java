package fr.assurancemaladie.rgpd.support.problem;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What a failure that reached the API says about the database: away (no connection, the server shutting down or
 * starting, the pool unable to give a connection in time) — the caller may try again, nothing was written; or a
 * value it refuses as data (SQLSTATE class 22) — the request is at fault. Anything else is unexpected.
 */
final class DatabaseFailures {

    enum Kind { UNAVAILABLE, DATA_REFUSED, OTHER }

    private DatabaseFailures() {
    }

    static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t.getClass().getName().equals(
                    "org.hibernate.exception.JDBCConnectionException")) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("53300"))) {
                    return Kind.UNAVAILABLE;
                }
                if (state != null && state.startsWith("22")) {
                    return Kind.DATA_REFUSED;
                }
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return Kind.UNAVAILABLE; // Agroal: no connection could be made or freed in time
                }
            }
        }
        return Kind.OTHER;
    }

    /** Exception class and SQLSTATE, never a message that could quote a value. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return t.getClass().getName() + " (SQLSTATE " + Excerpt.of(String.valueOf(sql.getSQLState()), 8) + ")";
            }
        }
        return e.getClass().getName();
    }
}
