package fr.assurancemaladie.rgpd.projection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the projection of register.fiches ({@code rgpd.projection.*}), the same in every service using it. */
@ConfigMapping(prefix = "rgpd.projection")
public interface ProjectionConfig {

    /**
     * Bound of the transaction that projects one fiche, in seconds: reacting to a new rule may rewrite many rows
     * (retention-service recomputes its schedules), so it is longer than Quarkus's default.
     */
    @WithDefault("900")
    int transactionTimeout();
}
