package fr.assurancemaladie.rgpd.events;

import java.util.Optional;

/**
 * CloudEvent {@code type} values (docs/design.md §3). All start with {@value #PREFIX}.
 */
public final class EventTypes {

    public static final String PREFIX = "fr.assurancemaladie.";

    public static final String FICHE_PUBLISHED = PREFIX + "register.fiche.published";
    public static final String FICHE_WITHDRAWN = PREFIX + "register.fiche.withdrawn";

    /** Prefix of lifecycle event types: {@code LIFECYCLE_PREFIX + trigger.eventName()}. */
    public static final String LIFECYCLE_PREFIX = PREFIX + "lifecycle.";
    public static final String LITIGATION_OPENED = LIFECYCLE_PREFIX + "litigation-opened";
    public static final String LITIGATION_CLOSED = LIFECYCLE_PREFIX + "litigation-closed";

    public static final String REQUEST_SUBMITTED = PREFIX + "rights.request.submitted";
    public static final String REQUEST_ROUTED = PREFIX + "rights.request.routed";
    public static final String REQUEST_EXTENDED = PREFIX + "rights.request.extended";
    /** Other transitions of a request (in progress, awaiting identity, identity received); data.status tells which. */
    public static final String REQUEST_UPDATED = PREFIX + "rights.request.updated";
    public static final String REQUEST_ANSWERED = PREFIX + "rights.request.answered";
    public static final String REQUEST_REFUSED = PREFIX + "rights.request.refused";
    public static final String REQUEST_CLOSED = PREFIX + "rights.request.closed";
    public static final String LIMITATION_APPLIED = PREFIX + "rights.limitation.applied";
    public static final String LIMITATION_LIFTED = PREFIX + "rights.limitation.lifted";
    public static final String RECIPIENTS_NOTIFY = PREFIX + "rights.recipients.notify";

    public static final String DELETION_ORDERED = PREFIX + "retention.deletion.ordered";
    public static final String DELETION_CONFIRMED = PREFIX + "retention.deletion.confirmed";

    /** CloudEvents {@code source} attribute prefix of the platform's own producers. */
    public static final String SOURCE_PREFIX = "urn:assurancemaladie:rgpd:";

    private EventTypes() {
    }

    /** {@code RIGHTS_END} → {@code fr.assurancemaladie.lifecycle.rights-end}. */
    public static String lifecycleType(RetentionTrigger trigger) {
        return LIFECYCLE_PREFIX + trigger.eventName();
    }

    /**
     * The retention trigger a lifecycle event type stands for; empty for litigation events and for any type
     * that is not a lifecycle type of the vocabulary.
     */
    public static Optional<RetentionTrigger> triggerOf(String type) {
        if (type == null || !type.startsWith(LIFECYCLE_PREFIX)) {
            return Optional.empty();
        }
        return RetentionTrigger.fromEventName(type.substring(LIFECYCLE_PREFIX.length()));
    }

    /** True for every type a lifecycle producer may send: a trigger of the vocabulary or a litigation event. */
    public static boolean isKnownLifecycleType(String type) {
        return LITIGATION_OPENED.equals(type) || LITIGATION_CLOSED.equals(type) || triggerOf(type).isPresent();
    }
}
