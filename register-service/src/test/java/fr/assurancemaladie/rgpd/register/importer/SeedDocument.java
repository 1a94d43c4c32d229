package fr.assurancemaladie.rgpd.register.importer;

import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The official document shipped with the service, parsed once for the unit tests. */
public final class SeedDocument {

    public static final String TEXT = read();
    public static final RegisterDocumentParser.Result PARSED = new RegisterDocumentParser().parse(TEXT);
    public static final List<Fiche> FICHES = PARSED.fiches().stream().map(new FicheAssembler()::assemble).toList();

    private SeedDocument() {
    }

    public static Fiche fiche(int number) {
        return FICHES.stream().filter(f -> f.number() == number).findFirst().orElseThrow();
    }

    private static String read() {
        try (InputStream in = SeedDocument.class.getClassLoader().getResourceAsStream(RegisterSeeder.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
