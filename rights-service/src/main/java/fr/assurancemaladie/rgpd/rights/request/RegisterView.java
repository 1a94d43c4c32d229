package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.projection.ProjectedFiche;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What rights-service reads of the register: its local projection of register.fiches. */
@ApplicationScoped
public class RegisterView {

    /** A published fiche, reduced to what a request needs. */
    public record FicheInfo(int number, int version, String domainCode, String title, JsonNode fiche) {

        /** The register's decision for a right: {applies, reason}. */
        public boolean applies(RightType type) {
            return fiche.path("rights").path(type.name().toLowerCase(java.util.Locale.ROOT)).path("applies").asBoolean(false);
        }

        public String reason(RightType type) {
            String reason = fiche.path("rights").path(type.name().toLowerCase(java.util.Locale.ROOT)).path("reason").asText("");
            return reason.isBlank() ? "Le registre ne précise pas ce droit pour ce traitement." : reason;
        }
    }

    @Inject
    ObjectMapper mapper;

    /** Parsed fiches by number, version and event: parsing a 20 kB fiche once, not on every request. */
    private final java.util.Map<Integer, FicheInfo> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public Optional<FicheInfo> fiche(int number) {
        ProjectedFiche f = ProjectedFiche.findById(number);
        return f == null || f.status != ProjectedFiche.Status.PUBLISHED ? Optional.empty() : Optional.of(info(f));
    }

    public List<FicheInfo> domain(String domainCode) {
        return published().stream().filter(f -> domainCode.equals(f.domainCode())).toList();
    }

    public List<FicheInfo> published() {
        List<FicheInfo> out = new ArrayList<>();
        for (ProjectedFiche f : ProjectedFiche.<ProjectedFiche>list("status = ?1 order by number", ProjectedFiche.Status.PUBLISHED)) {
            out.add(info(f));
        }
        return out;
    }

    private FicheInfo info(ProjectedFiche f) {
        FicheInfo cached = parsed.get(f.number);
        if (cached != null && cached.version() == f.version) {
            return cached;
        }
        FicheInfo fresh = parse(f);
        parsed.put(f.number, fresh);
        return fresh;
    }

    private FicheInfo parse(ProjectedFiche f) {
        try {
            JsonNode node = mapper.readTree(f.payload);
            return new FicheInfo(f.number, f.version, node.path("domainCode").asText(null), f.title, node);
        } catch (Exception e) {
            throw new IllegalStateException("Projected fiche " + f.number + " is not readable", e);
        }
    }
}
