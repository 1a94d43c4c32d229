package fr.assurancemaladie.rgpd.support.pseudonym;

import fr.assurancemaladie.rgpd.events.SubjectRefs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's pseudonymiser. The pepper comes from {@code rgpd.pseudonymisation.pepper} (env
 * {@code RGPD_PSEUDONYMISATION_PEPPER}, a Kubernetes secret in production); the service does not start without it.
 */
public class SubjectRefsProducer {

    @Produces
    @ApplicationScoped
    SubjectRefs subjectRefs(@ConfigProperty(name = "rgpd.pseudonymisation.pepper") String pepper) {
        return new SubjectRefs(pepper);
    }

    /** Builds the pseudonymiser at startup, so a missing or short pepper stops the service at once. */
    void checkAtStartup(@Observes StartupEvent event, SubjectRefs refs) {
        refs.toString();
    }
}
