package fr.assurancemaladie.rgpd.support.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * How every record-at-a-time consumer of the platform treats a record, so that no record can stop it:
 *
 * <ol>
 * <li>read as a CloudEvent ({@link CloudEventReader}), then by the channel's own contract ({@link Handler#read});</li>
 * <li>applied by the channel ({@link Handler#apply}), retried with back-off while the database or the broker is
 * away ({@link Retrying}): a valid record is never skipped;</li>
 * <li>anything that breaks a contract, or that no reading could make sense of (even an exception nobody foresaw),
 * goes to the topic's DLQ with its reason ({@link DeadLetterQueue}), and the consumer goes on.</li>
 * </ol>
 * Only a stopping service leaves a record unacknowledged (it is read again at the next start).
 */
@ApplicationScoped
public class ResilientConsumer {

    private static final Logger LOG = Logger.getLogger(ResilientConsumer.class);

    @Inject
    CloudEventReader reader;

    @Inject
    DeadLetterQueue deadLetters;

    private volatile boolean running = true;

    /** One channel's contract. */
    public interface Handler<T> {
        /** The change the event asks for; null when the event is not this consumer's business (acknowledged). */
        T read(IncomingCloudEvent event);

        /** Applies it; an {@link InvalidRecord} sends the record to the DLQ, anything else is retried. */
        void apply(T change) throws Exception;
    }

    public CloudEventReader reader() {
        return reader;
    }

    /** False once the service is stopping. */
    public BooleanSupplier running() {
        return () -> running;
    }

    public <T> void consume(String channel, ConsumerRecord<byte[], byte[]> record, int maxValueBytes,
            Handler<T> handler) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String reason;
        try {
            T change = handler.read(reader.read(record, maxValueBytes));
            if (change == null) {
                return;
            }
            Retrying.untilDone(() -> {
                handler.apply(change);
                return null;
            }, running(), LOG, "Record " + where + " of channel " + channel);
            return;
        } catch (InvalidRecord e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            if (!running) {
                throw e;
            }
            // a reading nobody foresaw: the record costs itself, never the partition
            LOG.errorf("Record %s of channel %s could not be read (%s): dead-lettered", where, channel,
                    e.getClass().getName());
            reason = "Enregistrement illisible (" + e.getClass().getSimpleName() + ").";
        }
        String why = reason;
        Retrying.untilDone(() -> {
            deadLetters.send(channel, record, why);
            return null;
        }, running(), LOG, "Dead letter " + where);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }
}
