package fr.assurancemaladie.rgpd.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** retention-service's own settings ({@code rgpd.retention.*}); Quarkus's are in application.properties. */
@ConfigMapping(prefix = "rgpd.retention")
public interface RetentionConfig {

    /** The sweep that orders due deletions ({@code Sweep}). */
    Sweep sweep();

    /** Who may publish lifecycle events ({@code PublisherScope}). */
    Publishers publishers();

    /** Lifecycle events read per batch (the consumer's {@code max.poll.records}). */
    Ingestion ingestion();

    /** The producer of deletion orders ({@code DeletionOrderSender}); its broker is Quarkus's {@code kafka.*}. */
    DeletionOrders deletionOrders();

    /** After this long without a confirmation, an order is reported unconfirmed to the DPOs. */
    @WithDefault("P7D")
    Duration confirmationDelay();

    interface Sweep {
        /** Run on schedule (off in tests, which sweep when they choose). */
        @WithDefault("true")
        boolean enabled();

        /** Time between sweeps (read by the scheduler as {@code ${rgpd.retention.sweep.every}}). */
        @WithDefault("1m")
        String every();

        /** Schedules claimed per transaction (5,000 and 3 workers: the fastest sweep of 1 M measured, issue 15). */
        @WithDefault("5000")
        int chunkSize();

        /** Chunks swept in parallel, each by a worker with its own range of schedule ids and its own connection. */
        @WithDefault("3")
        int workers();

        /** {@code POST /api/v1/sweeps?asOf=}: sweep as if on another day (dev and test only, never production). */
        @WithDefault("false")
        boolean allowAsOf();
    }

    interface DeletionOrders {
        /** How long the producer waits to fill a batch ({@code linger.ms}). */
        @WithDefault("5ms")
        Duration linger();

        /** Bytes per batch and partition ({@code batch.size}). */
        @WithDefault("262144")
        int batchSize();

        /**
         * {@code compression.type}: {@code none} by default, because the embedded broker of the local run and of the
         * end-to-end tests has no lz4-java; a production broker has it, and {@code lz4} halves the bytes on the wire.
         */
        @WithDefault("none")
        String compression();

        /** How long a send may wait for buffer room or for the topic's metadata before the order counts as refused. */
        @WithDefault("10s")
        Duration maxBlock();
    }

    interface Publishers {
        /**
         * Records on {@code lifecycle.events} must carry their publisher's token ({@code rgpd-publisher-token}) and
         * fit its scope; without it, any system that can write to the topic speaks for every caisse. Keep
         * {@code true}.
         */
        @WithDefault("true")
        boolean verifyKafkaRecords();
    }

    interface Ingestion {
        @WithDefault("1000")
        int batchSize();
    }
}
