package fr.assurancemaladie.rgpd.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of this JVM while it is open (Quarkus logs through java.util.logging in tests), formatted as the
 * console would show its message, with its level and category: to prove what a service writes, or never writes.
 */
public final class LogCapture implements AutoCloseable {

    /** One record: level, logger name, formatted message, and the exception's class if any. */
    public record Line(Level level, String category, String message, String thrown) {
        public boolean atLeast(Level l) {
            return level.intValue() >= l.intValue();
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String message = formatted(r);
            synchronized (lines) {
                lines.add(new Line(r.getLevel(), String.valueOf(r.getLoggerName()), String.valueOf(message),
                        r.getThrown() == null ? null : r.getThrown().getClass().getName()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");

    /**
     * The message as written to the log: JBoss LogManager's records (Quarkus's) format printf-style calls
     * ({@code warnf}) themselves, which java.util.logging's formatter would leave as the bare format string.
     */
    static String formatted(LogRecord r) {
        try {
            java.lang.reflect.Method m = r.getClass().getMethod("getFormattedMessage");
            Object text = m.invoke(r);
            if (text != null) {
                return text.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a plain java.util.logging record
        }
        try {
            return new java.util.logging.SimpleFormatter().formatMessage(r);
        } catch (RuntimeException e) {
            return String.valueOf(r.getMessage());
        }
    }

    public LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
