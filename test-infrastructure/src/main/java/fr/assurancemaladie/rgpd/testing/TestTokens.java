package fr.assurancemaladie.rgpd.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak-shaped access tokens signed (RS256) with a key pair made once per JVM; services under test verify them
 * with quarkus-oidc configured with the public key, the issuer and the audience ({@link #oidcConfig()}). No key is
 * stored anywhere.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test.invalid/realms/rgpd";
    public static final String AUDIENCE = "rgpd-api";

    private static final KeyPair KEYS = generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** quarkus-oidc settings that verify these tokens locally (and switch discovery of a server off). */
    public static Map<String, String> oidcConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("quarkus.oidc.token.audience", AUDIENCE);
        return config;
    }

    public static String citizen(String username, String nir, String caisse) {
        return token(username, List.of("citizen"), Map.of("nir", nir, "caisse", caisse));
    }

    public static String dpo(String username, String caisse) {
        return token(username, List.of("dpo"), Map.of("caisse", caisse));
    }

    /**
     * A system of the network that publishes lifecycle events, as the realm makes its client-credentials tokens:
     * role {@code lifecycle-publisher}, {@code azp} = the client, and its scope in the {@code rgpd_publisher} claim.
     */
    public static String publisher(String client, String source, List<String> types, List<String> caisses) {
        return publisher(client, source, types, caisses, Duration.ofMinutes(5));
    }

    /** The same with a lifetime of the caller's choosing (a long run of records under one token). */
    public static String publisher(String client, String source, List<String> types, List<String> caisses,
            Duration lifetime) {
        return publisher(client, source, types, caisses, Instant.now(), lifetime);
    }

    /** The same, issued at a time of the caller's choosing (a token that expired long ago). */
    public static String publisher(String client, String source, List<String> types, List<String> caisses,
            Instant issuedAt, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("azp", client);
        claims.put("rgpd_publisher", Map.of("source", source, "types", types, "caisses", caisses));
        return sign("service-account-" + client, List.of("lifecycle-publisher"), claims, ISSUER, AUDIENCE, issuedAt,
                lifetime);
    }

    public static String withRoles(String username, String... roles) {
        return token(username, List.of(roles), Map.of());
    }

    public static String token(String username, List<String> roles, Map<String, Object> claims) {
        return sign(username, roles, claims, ISSUER, AUDIENCE, Duration.ofMinutes(5));
    }

    /** A token with every field under the caller's control, to prove what verification rejects. */
    public static String sign(String username, List<String> roles, Map<String, Object> claims, String issuer,
            String audience, Duration lifetime) {
        return sign(username, roles, claims, issuer, audience, Instant.now(), lifetime);
    }

    /** The same, issued at {@code now}. */
    public static String sign(String username, List<String> roles, Map<String, Object> claims, String issuer,
            String audience, Instant now, Duration lifetime) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("exp", now.plus(lifetime).getEpochSecond());
        payload.put("iat", now.getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        payload.put("iss", issuer);
        payload.put("aud", audience);
        payload.put("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        payload.put("typ", "Bearer");
        payload.put("azp", "rgpd-cli");
        payload.put("preferred_username", username);
        payload.put("realm_access", Map.of("roles", roles));
        payload.putAll(claims);
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", "test-key");
        try {
            String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(payload));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEYS.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
