package fr.assurancemaladie.rgpd.retention.lifecycle.law;

import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;

import fr.assurancemaladie.rgpd.events.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a system of the network may publish on {@code lifecycle.events}: its {@code source}, the event types and the
 * caisses it speaks for. Set per client in the realm (the {@value #CLAIM} claim of its access tokens), checked on
 * every event, over HTTP and on Kafka alike.
 *
 * <ul>
 * <li>{@code source} must be the client's own: a system cannot speak in another's name.</li>
 * <li>{@code types} are the names after {@code fr.assurancemaladie.lifecycle.} ({@code rights-end},
 * {@code death}…); {@value #ANY} stands for every retention trigger — never for {@code litigation-opened} or
 * {@code litigation-closed}, which open and lift holds: a client publishes those only when it names them.</li>
 * <li>{@code caisses}: the caisse codes whose persons it may speak of; {@value #ANY} for all.</li>
 * </ul>
 *
 * @param client the client the token was issued to (for the reasons)
 */
public record PublisherScope(String client, String source, Set<String> types, Set<String> caisses) {

    public static final String CLAIM = "rgpd_publisher";
    public static final String ANY = "*";
    /** Clocks of producers and of the broker are not the service's: this much either side of a token's life. */
    static final Duration SKEW = Duration.ofMinutes(5);

    public PublisherScope {
        types = Set.copyOf(types);
        caisses = Set.copyOf(caisses);
    }

    /** Why this client may not publish {@code event}; empty when it may. */
    public Optional<String> refusal(LifecycleEvent event) {
        if (!source.equals(event.source())) {
            return Optional.of("Le client « " + client + " » publie sous la source « " + source
                    + " » uniquement, pas sous une autre.");
        }
        String name = event.type().substring(EventTypes.LIFECYCLE_PREFIX.length());
        boolean litigation = event.litigationOpened() || event.litigationClosed();
        if (!types.contains(name) && (litigation || !types.contains(ANY))) {
            return Optional.of("Le client « " + client + " » n'est pas autorisé à publier les événements « " + name
                    + " »" + (litigation ? " (les contentieux lèvent des gels : seul un client qui les nomme le peut)."
                            : "."));
        }
        if (!caisses.contains(ANY) && !caisses.contains(event.caisseCode())) {
            return Optional.of("Le client « " + client + " » n'est pas autorisé à publier pour la caisse "
                    + event.caisseCode() + ".");
        }
        return Optional.empty();
    }

    /**
     * On Kafka, the token travels with the record and is checked when the record is read, maybe long after: it must
     * have been valid when the record was produced (the record's timestamp, which the broker keeps within
     * {@code message.timestamp.before/after.max.ms} of its own clock).
     */
    public static Optional<String> outsideValidity(Instant producedAt, Instant issuedAt, Instant expiresAt) {
        if (producedAt.isBefore(issuedAt.minus(SKEW)) || producedAt.isAfter(expiresAt.plus(SKEW))) {
            return Optional.of("Le jeton du publieur n'était pas valide quand l'enregistrement a été produit ("
                    + producedAt + ", jeton valide de " + issuedAt + " à " + expiresAt + ").");
        }
        return Optional.empty();
    }

    /** A scope read from the claim's members, or the reason it cannot be. */
    public static PublisherScope of(String client, Object source, List<String> types, List<String> caisses) {
        if (!(source instanceof String s) || s.isBlank() || types == null || types.isEmpty() || caisses == null
                || caisses.isEmpty()) {
            throw new IllegalArgumentException("Le périmètre de publication du client « " + client + " » (claim "
                    + CLAIM + ") doit donner source, types et caisses.");
        }
        return new PublisherScope(client, s, Set.copyOf(types), Set.copyOf(caisses));
    }
}
