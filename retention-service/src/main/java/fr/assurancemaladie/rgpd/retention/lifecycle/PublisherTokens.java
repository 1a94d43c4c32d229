package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.lifecycle.law.PublisherScope;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who published a lifecycle event, and what it may publish ({@link PublisherScope}): from the caller's token over
 * HTTP, from the token a Kafka record carries in its {@value #HEADER} header otherwise.
 *
 * <p>A record's token is verified like any bearer token (signature by the realm's keys, issuer, audience, the
 * {@code lifecycle-publisher} role) by the {@code publishers} OIDC tenant, whose lifespan grace lets a backlog be read
 * after the tokens expired; that it was valid when the record was produced is checked apart
 * ({@link PublisherScope#outsideValidity}). Verified tokens are remembered (a system reuses one for many records).
 */
@ApplicationScoped
public class PublisherTokens {

    public static final String HEADER = "rgpd-publisher-token";
    public static final String ROLE = "lifecycle-publisher";
    private static final int REMEMBERED = 1024;
    static final String UNIDENTIFIED = "Publieur non identifié : l'en-tête " + HEADER + " doit porter le jeton "
            + "d'accès du système qui publie.";

    @Inject
    @Tenant("publishers")
    TenantIdentityProvider publishers;

    private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

    /** A token that passed: who, what they may publish, and when the token was valid. */
    public record Verified(PublisherScope scope, Instant issuedAt, Instant expiresAt) {
    }

    /** The token can be verified neither way now (the realm's keys cannot be fetched): try again later. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("Publisher token verification unavailable: " + cause.getClass().getName(), cause);
        }
    }

    /** The scope of an HTTP caller, whose token quarkus-oidc verified; the reason when it has none. */
    public PublisherScope scopeOf(JsonWebToken jwt) throws LifecycleEvents.InvalidEvent {
        return scope(jwt);
    }

    /**
     * Verifies a Kafka record's token.
     *
     * @throws LifecycleEvents.InvalidEvent the token is missing, forged, of another realm or without the role
     * @throws Unavailable                  the realm's keys cannot be fetched now
     */
    public Verified verify(String token) throws LifecycleEvents.InvalidEvent {
        if (token == null || token.isBlank()) {
            throw new LifecycleEvents.InvalidEvent(UNIDENTIFIED);
        }
        Verified known = remembered.get(token);
        if (known != null) {
            return known;
        }
        SecurityIdentity identity;
        try {
            identity = publishers.authenticate(new AccessTokenCredential(token)).await()
                    .atMost(Duration.ofSeconds(15));
        } catch (AuthenticationFailedException e) {
            if (realmAway(e)) {
                // the keys could not be fetched (a new signing key while Keycloak is away): not the record's fault
                throw new Unavailable(e);
            }
            throw new LifecycleEvents.InvalidEvent("Le jeton du publieur (en-tête " + HEADER + ") n'est pas valide : "
                    + "signature, émetteur ou audience refusés.");
        } catch (OIDCException | io.smallrye.mutiny.TimeoutException e) {
            throw new Unavailable(e);
        }
        if (!identity.hasRole(ROLE)) {
            throw new LifecycleEvents.InvalidEvent("Le jeton du publieur n'a pas le rôle " + ROLE + ".");
        }
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        Verified verified = new Verified(scope(jwt), Instant.ofEpochSecond(jwt.getIssuedAtTime()),
                Instant.ofEpochSecond(jwt.getExpirationTime()));
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        remembered.put(token, verified);
        return verified;
    }

    /** True when verification failed because the realm could not be reached, not because of the token. */
    static boolean realmAway(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof OIDCException || t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException
                    || name.endsWith("ConnectTimeoutException") || name.endsWith("HttpClosedException")
                    || name.endsWith("NoStackTraceTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static PublisherScope scope(JsonWebToken jwt) throws LifecycleEvents.InvalidEvent {
        String client = client(jwt);
        Object claim = jwt.getClaim(PublisherScope.CLAIM);
        if (!(claim instanceof JsonObject scope)) {
            throw new LifecycleEvents.InvalidEvent("Le client « " + Excerpt.of(client) + " » n'a pas de périmètre de "
                    + "publication (claim " + PublisherScope.CLAIM + " : source, types, caisses) : il ne peut rien "
                    + "publier.");
        }
        try {
            JsonValue source = scope.get("source");
            return PublisherScope.of(client, source instanceof JsonString s ? s.getString() : null,
                    strings(scope.get("types")), strings(scope.get("caisses")));
        } catch (IllegalArgumentException e) {
            throw new LifecycleEvents.InvalidEvent(e.getMessage());
        }
    }

    private static String client(JsonWebToken jwt) {
        for (String name : new String[] {"azp", "client_id"}) {
            Object v = jwt.getClaim(name);
            if (v != null) {
                return v instanceof JsonString s ? s.getString() : v.toString();
            }
        }
        return String.valueOf(jwt.getSubject());
    }

    private static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : array) {
            if (v instanceof JsonString s) {
                out.add(s.getString());
            }
        }
        return out;
    }
}
