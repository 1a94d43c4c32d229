package fr.assurancemaladie.rgpd.support.pseudonym;

import fr.assurancemaladie.rgpd.events.SubjectRefs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * The deployment's pseudonymiser, from {@link PseudonymisationConfig#pepper()}; the service does not start without it.
 */
public class SubjectRefsProducer {

    @Produces
    @ApplicationScoped
    SubjectRefs subjectRefs(PseudonymisationConfig config) {
        return new SubjectRefs(config.pepper());
    }

    /** Builds the pseudonymiser at startup, so a missing or short pepper stops the service at once. */
    void checkAtStartup(@Observes StartupEvent event, SubjectRefs refs) {
        refs.toString();
    }
}
