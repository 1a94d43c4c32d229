package fr.assurancemaladie.rgpd.register.importer;

import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.fiche.FicheCodec;
import fr.assurancemaladie.rgpd.register.fiche.FicheService;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Outcome;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Written;
import fr.assurancemaladie.rgpd.register.fiche.FicheValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Imports the official document: parse, structure, then write versions and keep the report. */
@ApplicationScoped
public class RegisterImporter {

    /** A parse without saving. */
    public record Preview(String documentSha256, List<Fiche> fiches, ImportReport report) {
    }

    /** A saved import: what happened to each fiche. */
    public record Imported(long importId, String documentSha256, int published, int drafted, int unchanged,
            List<Written> fiches, ImportReport report) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RegisterImporter.class);

    private final RegisterDocumentParser parser = new RegisterDocumentParser();
    private final FicheAssembler assembler = new FicheAssembler();

    @Inject
    FicheService fiches;

    @Inject
    FicheCodec codec;

    public Preview preview(String document) {
        RegisterDocumentParser.Result result = parser.parse(document);
        List<Fiche> structured = result.fiches().stream().map(assembler::assemble).toList();
        return new Preview(FicheCodec.sha256(document), structured, result.report());
    }

    /** Saves a parsed document as drafts of changed or new fiches (see {@link FicheService#importFiches}). */
    @Transactional
    public Imported importPreview(Preview preview, String user) {
        return save(preview, user, false);
    }

    private Imported save(Preview preview, String user, boolean publishNew) {
        List<Written> written = fiches.importFiches(preview.fiches(), user, publishNew);
        Imported imported = record(preview, written, user);
        LOG.infof("Register import %d by %s: %d fiches, %d published, %d drafted, %d unchanged, %d editor drafts kept",
                imported.importId(), user, preview.fiches().size(), imported.published(), imported.drafted(),
                imported.unchanged(), count(written, Outcome.KEPT_EDITOR_DRAFT));
        return imported;
    }

    /**
     * What makes a parsed document unfit to save: invalid fiches (numbers, domain codes, sizes) and numbers found
     * twice. Empty when it can be saved.
     */
    public static List<String> problems(Preview preview) {
        List<String> problems = new java.util.ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Fiche f : preview.fiches()) {
            if (!seen.add(f.number())) {
                problems.add("Fiche " + f.number() + " : numéro présent plusieurs fois dans le document.");
            }
            for (FicheValidator.Violation v : FicheValidator.validate(f)) {
                problems.add("Fiche " + f.number() + " : " + v.field() + " — " + v.message());
            }
            if (f.domain() == null) {
                problems.add("Fiche " + f.number() + " : domaine introuvable.");
            }
        }
        return problems;
    }

    /** Imports the document only if the register has never been written (first start). */
    @Transactional
    public Optional<Imported> seedIfEmpty(String document, String user) {
        if (fiches.lockRegisterAndCount() > 0) {
            return Optional.empty();
        }
        Preview preview = preview(document);
        List<String> problems = problems(preview);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The seed document cannot be imported: " + problems);
        }
        return Optional.of(save(preview, user, true));
    }

    private Imported record(Preview preview, List<Written> written, String user) {
        RegisterImport row = new RegisterImport();
        row.importedAt = Instant.now();
        row.importedBy = user;
        row.documentSha256 = preview.documentSha256();
        row.fichesFound = preview.fiches().size();
        row.published = count(written, Outcome.PUBLISHED);
        row.drafted = count(written, Outcome.DRAFTED);
        row.unchanged = count(written, Outcome.UNCHANGED) + count(written, Outcome.KEPT_EDITOR_DRAFT);
        row.report = codec.toJson(preview.report());
        row.persist();
        return new Imported(row.id, row.documentSha256, row.published, row.drafted, row.unchanged, written,
                preview.report());
    }

    private static int count(List<Written> written, Outcome outcome) {
        return (int) written.stream().filter(w -> w.outcome() == outcome).count();
    }
}
