package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import fr.assurancemaladie.rgpd.projection.ProjectedFiches;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** What rights-service reads of the register: its local projection of register.fiches, as {@link FichePublished}. */
@ApplicationScoped
public class RegisterView {

    /** A published fiche, with the register's decision on each right. */
    public record FicheInfo(FichePublished fiche) {

        public int number() {
            return fiche.number();
        }

        public int version() {
            return fiche.version();
        }

        public String domainCode() {
            return fiche.domainCode();
        }

        public String title() {
            return fiche.title();
        }

        /** The register's decision for a right: does it apply to this processing? */
        public boolean applies(RightType type) {
            RightDecision d = decision(type);
            return d != null && d.applies();
        }

        /** Why (or why not), in French, for the citizen. */
        public String reason(RightType type) {
            RightDecision d = decision(type);
            return d == null || d.reason() == null || d.reason().isBlank()
                    ? "Le registre ne précise pas ce droit pour ce traitement." : d.reason();
        }

        private RightDecision decision(RightType type) {
            return fiche.rights() == null ? null : fiche.rights().get(Rights.Right.valueOf(type.name()));
        }
    }

    @Inject
    ProjectedFiches fiches;

    public Optional<FicheInfo> fiche(int number) {
        return fiches.published(number).map(FicheInfo::new);
    }

    public List<FicheInfo> domain(String domainCode) {
        return published().stream().filter(f -> domainCode.equals(f.domainCode())).toList();
    }

    public List<FicheInfo> published() {
        return fiches.published().stream().map(FicheInfo::new).toList();
    }
}
