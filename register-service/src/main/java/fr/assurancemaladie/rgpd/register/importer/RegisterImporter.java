package fr.assurancemaladie.rgpd.register.importer;

import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.fiche.FicheCodec;
import fr.assurancemaladie.rgpd.register.fiche.FicheService;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Outcome;
import fr.assurancemaladie.rgpd.register.fiche.FicheService.Written;
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

    @Transactional
    public Imported importDocument(String document, String user) {
        return importPreview(preview(document), user);
    }

    /** Saves a parsed document (see {@link FicheService#importFiches}). */
    @Transactional
    public Imported importPreview(Preview preview, String user) {
        List<Written> written = fiches.importFiches(preview.fiches(), user);
        return record(preview, written, user);
    }

    /** Imports the document only if the register has never been written (first start). */
    @Transactional
    public Optional<Imported> seedIfEmpty(String document, String user) {
        if (fiches.lockRegisterAndCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(importDocument(document, user));
    }

    private Imported record(Preview preview, List<Written> written, String user) {
        RegisterImport row = new RegisterImport();
        row.importedAt = Instant.now();
        row.importedBy = user;
        row.documentSha256 = preview.documentSha256();
        row.fichesFound = preview.fiches().size();
        row.published = count(written, Outcome.PUBLISHED);
        row.drafted = count(written, Outcome.DRAFTED);
        row.unchanged = count(written, Outcome.UNCHANGED);
        row.report = codec.toJson(preview.report());
        row.persist();
        return new Imported(row.id, row.documentSha256, row.published, row.drafted, row.unchanged, written,
                preview.report());
    }

    private static int count(List<Written> written, Outcome outcome) {
        return (int) written.stream().filter(w -> w.outcome() == outcome).count();
    }
}
