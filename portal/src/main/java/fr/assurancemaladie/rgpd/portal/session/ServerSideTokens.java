package fr.assurancemaladie.rgpd.portal.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Keeps the signed-in person's tokens on the server: Quarkus's session cookie carries only a random session id (43
 * characters, encrypted by Quarkus as well), the ID, access and refresh tokens are stored in {@code portal_session},
 * encrypted with AES-GCM. The browser never holds a token; logging out deletes the row; an idle session is deleted.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokens implements TokenStateManager {

    private static final Logger LOG = Logger.getLogger(ServerSideTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionConfig config;

    @Inject
    ObjectMapper json;

    private SecretKeySpec key;

    void checkKey(@Observes StartupEvent event) {
        key();
    }

    private SecretKeySpec key() {
        if (key == null) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(config.key());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("rgpd.portal.session.key must be Base64 (32 bytes)");
            }
            if (raw.length != 32) {
                throw new IllegalStateException("rgpd.portal.session.key must decode to 32 bytes, not " + raw.length);
            }
            key = new SecretKeySpec(raw, "AES");
        }
        return key;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        return requestContext.runBlocking(() -> {
            byte[] id = new byte[32];
            RANDOM.nextBytes(id);
            String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into portal_session (id, tokens) values (?, ?)")) {
                ps.setString(1, sessionId);
                ps.setBytes(2, encrypt(serialize(tokens)));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("The session could not be stored", e);
            }
            return sessionId;
        });
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return requestContext.runBlocking(() -> {
            if (tokenState == null || !tokenState.matches("[A-Za-z0-9_-]{43}")) {
                return null;
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "update portal_session set last_used_at = now() where id = ? and last_used_at > ? "
                            + "returning tokens")) {
                ps.setString(1, tokenState);
                ps.setTimestamp(2, Timestamp.from(Instant.now().minus(config.idle())));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? deserialize(decrypt(rs.getBytes(1))) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The session could not be read", e);
            }
        });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        return requestContext.runBlocking(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "delete from portal_session where id = ?")) {
                ps.setString(1, tokenState);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOG.warnf("A session could not be deleted (%s): it expires anyway", e.getClass().getSimpleName());
            }
            return null;
        });
    }

    /** Sessions idle for too long are deleted. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleSessions() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from portal_session where last_used_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.idle())));
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.debugf("%d idle sessions deleted", n);
            }
        } catch (SQLException e) {
            LOG.warnf("Idle sessions not deleted this time (%s)", e.getClass().getSimpleName());
        }
    }

    private byte[] serialize(AuthorizationCodeTokens t) {
        ObjectNode o = json.createObjectNode();
        o.put("id", t.getIdToken());
        o.put("access", t.getAccessToken());
        o.put("refresh", t.getRefreshToken());
        if (t.getAccessTokenExpiresIn() != null) {
            o.put("expiresIn", t.getAccessTokenExpiresIn());
        }
        o.put("scope", t.getAccessTokenScope());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private AuthorizationCodeTokens deserialize(byte[] bytes) {
        try {
            var o = json.readTree(bytes);
            return new AuthorizationCodeTokens(text(o, "id"), text(o, "access"), text(o, "refresh"),
                    o.hasNonNull("expiresIn") ? o.get("expiresIn").asLong() : null, text(o, "scope"));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }

    private byte[] encrypt(byte[] plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tokens could not be encrypted", e);
        }
    }

    private byte[] decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, stored, 0, 12));
            return cipher.doFinal(stored, 12, stored.length - 12);
        } catch (GeneralSecurityException e) {
            // another key (rotated): the person signs in again
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
