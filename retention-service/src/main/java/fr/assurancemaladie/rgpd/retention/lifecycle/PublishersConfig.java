package fr.assurancemaladie.rgpd.retention.lifecycle;

import fr.assurancemaladie.rgpd.retention.lifecycle.law.PublisherScope;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may publish lifecycle events ({@link PublisherScope}). */
@ConfigMapping(prefix = "rgpd.retention.publishers")
public interface PublishersConfig {

    /**
     * Records on {@code lifecycle.events} must carry their publisher's token ({@code rgpd-publisher-token}) and fit
     * its scope; without it, any system that can write to the topic speaks for every caisse. Keep {@code true}.
     */
    @WithDefault("true")
    boolean verifyKafkaRecords();
}
