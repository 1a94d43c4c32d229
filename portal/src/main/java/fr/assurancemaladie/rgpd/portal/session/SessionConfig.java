package fr.assurancemaladie.rgpd.portal.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Server-side sessions. */
@ConfigMapping(prefix = "rgpd.portal.session")
public interface SessionConfig {

    /**
     * AES key (Base64, 32 bytes) that encrypts the tokens at rest; a secret shared by the portal's replicas. Env
     * {@code RGPD_PORTAL_SESSION_KEY}; the portal does not start without it.
     */
    String key();

    /** A session not used for this long is deleted (the person signs in again). */
    @WithDefault("PT8H")
    Duration idle();
}
