package fr.assurancemaladie.rgpd.rights.caisse;

import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import fr.assurancemaladie.rgpd.rights.caisse.CaisseResource.CaisseView;
import fr.assurancemaladie.rgpd.rights.caisse.CaisseResource.DpoContact;
import jakarta.enterprise.context.ApplicationScoped;

/** The queries behind {@link CaisseResource}: the resource parses and checks the request, this runs it. */
@ApplicationScoped
public class CaisseQueries {

    @Inject
    SecurityIdentity identity;

    @Inject
    CaisseDirectory directory;

    public List<CaisseView> list() {
        return Caisse.ordered().stream().map(CaisseView::of).toList();
    }

    public CaisseView get(String code) {
        return CaisseView.of(find(code));
    }

    @Transactional
    public CaisseView setDpoContact(String code, DpoContact contact) {
        if (contact == null) {
            throw ProblemException.badRequest("Le corps de la requête doit être un contact DPO au format JSON.");
        }
        if (contact.postalAddress().strip().length() < 10) {
            throw ProblemException.badRequest("L'adresse postale doit compter entre 10 et 500 caractères.");
        }
        Caisse caisse = find(code);
        caisse.dpoEmail = contact.email().strip();
        caisse.dpoPostalAddress = contact.postalAddress().strip();
        caisse.dpoPhone = contact.phone() == null || contact.phone().isBlank() ? null : contact.phone().strip();
        caisse.updatedAt = Instant.now();
        caisse.updatedBy = identity.getPrincipal().getName();
        LOG.infof("DPO contact of %s changed by %s", caisse.code, caisse.updatedBy);
        directory.invalidate();
        return CaisseView.of(caisse);
    }

    private static final Logger LOG = Logger.getLogger(CaisseResource.class);

    private static Caisse find(String code) {
        Caisse c = code == null ? null : Caisse.findById(code.toUpperCase(Locale.ROOT));
        if (c == null) {
            throw ProblemException.notFound("Aucune caisse ne porte le code « " + Excerpt.of(code) + " ».");
        }
        return c;
    }
}
