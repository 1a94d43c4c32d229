package fr.assurancemaladie.rgpd.support.pseudonym;

import io.smallrye.config.ConfigMapping;

/** The pseudonymisation of NIRs, the same in every service ({@code rgpd.pseudonymisation.*}). */
@ConfigMapping(prefix = "rgpd.pseudonymisation")
public interface PseudonymisationConfig {

    /**
     * The secret mixed into every subjectRef (env {@code RGPD_PSEUDONYMISATION_PEPPER}, a Kubernetes secret in
     * production): the same in every service of a deployment, never in a repository. Required.
     */
    String pepper();
}
