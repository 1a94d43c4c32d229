package fr.assurancemaladie.rgpd.support.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a request may be before the application reads it. Vert.x's own limits ({@code quarkus.http.limits.*}) are set
 * higher, as a last wall that answers with an empty body; these are answered in problem+json.
 */
@ConfigMapping(prefix = "rgpd.http")
public interface HttpLimitsConfig {

    /** Request line (method, path and query): longer is 414. */
    @WithDefault("8192")
    int maxRequestLine();

    /** All header names and values together: more is 431. */
    @WithDefault("16384")
    int maxHeaderBytes();
}
