package fr.assurancemaladie.rgpd.events;

/**
 * Kafka topic names of the platform (docs/design.md §3). Every topic has a dead-letter twin named {@code <topic>.dlq}.
 */
public final class Topics {

    /** Published fiches, key = fiche number, compacted: replay from offset 0 rebuilds a projection. */
    public static final String REGISTER_FICHES = "register.fiches";
    /** Lifecycle events of other systems (rights end, death, litigation…), key = subjectRef. */
    public static final String LIFECYCLE_EVENTS = "lifecycle.events";
    /** Rights request lifecycle and limitation events, key = subjectRef. */
    public static final String RIGHTS_EVENTS = "rights.events";
    /** Deletion orders sent to the systems holding the data, key = subjectRef. */
    public static final String DELETION_ORDERS = "retention.deletion-orders";
    /** Confirmations that a deletion order was carried out, key = subjectRef. */
    public static final String DELETION_CONFIRMATIONS = "retention.deletion-confirmations";

    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
