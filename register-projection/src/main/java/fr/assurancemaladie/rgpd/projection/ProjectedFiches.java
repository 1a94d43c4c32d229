package fr.assurancemaladie.rgpd.projection;

import fr.assurancemaladie.rgpd.events.FichePublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fiches this service obeys, as their contract {@link FichePublished}: what a service reads of the register.
 * A fiche is parsed once per version (a fiche is tens of kilobytes; requests read it often).
 */
@ApplicationScoped
public class ProjectedFiches {

    @Inject
    FicheContract contract;

    private final Map<Integer, FichePublished> parsed = new ConcurrentHashMap<>();

    /** The published version of a fiche, if it is published here (not withdrawn, not unknown). */
    public Optional<FichePublished> published(int number) {
        ProjectedFiche f = ProjectedFiche.findById(number);
        return f == null || f.status != ProjectedFiche.Status.PUBLISHED ? Optional.empty() : Optional.of(of(f));
    }

    /** Every published fiche, by number. */
    public List<FichePublished> published() {
        return ProjectedFiche.<ProjectedFiche>list("status = ?1 order by number", ProjectedFiche.Status.PUBLISHED)
                .stream().map(this::of).toList();
    }

    /** Every fiche heard of, published or withdrawn, by number: what the projection endpoint shows. */
    public List<ProjectedFiche> all() {
        return ProjectedFiche.listAll(io.quarkus.panache.common.Sort.by("number"));
    }

    FichePublished of(ProjectedFiche f) {
        FichePublished cached = parsed.get(f.number);
        if (cached != null && cached.version() != null && cached.version() == f.version) {
            return cached;
        }
        FichePublished fresh = contract.readStored(f.payload);
        parsed.put(f.number, fresh);
        return fresh;
    }
}
