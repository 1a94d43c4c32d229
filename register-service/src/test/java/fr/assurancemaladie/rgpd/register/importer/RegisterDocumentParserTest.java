package fr.assurancemaladie.rgpd.register.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.importer.ImportReport.Anomaly;
import fr.assurancemaladie.rgpd.register.importer.ImportReport.AnomalyKind;
import fr.assurancemaladie.rgpd.register.importer.RegisterDocumentParser.RawFiche;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parser against the official document, and against small documents with each irregularity. */
class RegisterDocumentParserTest {

    private static final RegisterDocumentParser PARSER = new RegisterDocumentParser();

    @Test
    void findsTheEightySevenFichesNumberedOneToEightySevenInOrder() {
        List<Integer> numbers = SeedDocument.PARSED.fiches().stream().map(f -> f.number).toList();
        assertEquals(IntStream.rangeClosed(1, 87).boxed().toList(), numbers);
        assertEquals(87, SeedDocument.PARSED.report().fichesFound());
        assertEquals("1-87", SeedDocument.PARSED.report().numbers());
    }

    @Test
    void noFicheIsEmpty() {
        for (Fiche f : SeedDocument.FICHES) {
            String n = "fiche " + f.number();
            assertFalse(f.subPurposes().isEmpty(), n + " sub-purposes");
            assertFalse(f.legalBases().isEmpty(), n + " legal bases");
            assertFalse(f.gdprArticles().isEmpty(), n + " GDPR articles");
            assertFalse(f.dataSubjectCategories().isEmpty(), n + " people");
            assertFalse(f.retentionRules().isEmpty(), n + " retention rules");
            assertFalse(f.rightsText().isEmpty(), n + " rights text");
            assertFalse(f.securityMeasures().isEmpty(), n + " security");
            assertTrue(f.domainCode() != null && f.domainCode().matches("\\d{2}"), n + " domain code");
            assertTrue(f.domain() != null && !f.domain().isBlank(), n + " domain");
        }
    }

    @Test
    void sixteenDomainsWithTheirNames() {
        Set<String> domains = SeedDocument.FICHES.stream().map(f -> f.domainCode() + " " + f.domain())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(16, domains.size(), domains.toString());
        assertTrue(domains.contains("01 GESTION DES DROITS"));
        assertTrue(domains.contains("03 CONTRÔLE DES PRESTATIONS"), "bold markup removed");
        assertTrue(domains.contains("06 GESTION RELATION PS ET ÉTABLISSEMENTS DE SANTÉ"), "no domain heading: from fiche headings");
        assertTrue(domains.contains("09 ACCOMPAGNEMENT ACCÈS AUX DROITS/AUX SOINS ET GESTION DES INTERVENTIONS DU SERVICE SOCIAL"));
        assertEquals("14", SeedDocument.fiche(74).domainCode(), "heading without code: code from the domain name");
    }

    @Test
    void reportsTheAnomaliesItHandled() {
        List<Anomaly> anomalies = SeedDocument.PARSED.report().anomalies();
        assertEquals(Set.of(41, 50, 61, 83, 84), fiches(anomalies, AnomalyKind.MISSING_HEADING));
        assertEquals(Set.of(50, 83, 84), fiches(anomalies, AnomalyKind.MISSING_TITLE));
        assertEquals(Set.of(3, 4, 8, 29), fiches(anomalies, AnomalyKind.MISPLACED_LABEL));
        assertEquals(Set.of(74), fiches(anomalies, AnomalyKind.DOMAIN_CODE_INFERRED));
        assertEquals(Set.of(22, 52, 58, 60), fiches(anomalies, AnomalyKind.REPEATED_CELL));
        assertTrue(fiches(anomalies, AnomalyKind.EMPTY_CELL).containsAll(Set.of(25, 29, 45, 46, 68)));
        assertTrue(SeedDocument.PARSED.report().warnings().isEmpty(), SeedDocument.PARSED.report().warnings().toString());
        for (Anomaly a : anomalies) {
            assertTrue(a.line() > 0 && a.detail() != null && !a.detail().isBlank(), a.toString());
        }
    }

    @Test
    void threePageFichesAreOneFicheEach() {
        RawFiche f22 = raw(22);
        RawFiche f58 = raw(58);
        assertEquals(3, f22.pages());
        assertEquals(3, f58.pages());
        assertEquals(4, SeedDocument.fiche(22).dataSubjectCategories().size(), "repeated cell counted once");
        assertEquals(3, SeedDocument.fiche(58).dataSubjectCategories().size());
        assertTrue(SeedDocument.fiche(58).dataTypes().size() > 30, "the (suite) pages add data types");
    }

    @Test
    void aMisplacedLabelPutsTheCellWhereItBelongs() {
        Fiche f3 = SeedDocument.fiche(3);
        assertEquals("Obligation légale", f3.objectionExclusionReason());
        assertTrue(f3.securityMeasures().get(0).startsWith("Les mesures techniques et organisationnelles"),
                "the right-hand cell labelled 'Droits des personnes concernées' is the security cell");
        assertTrue(f3.rightsText().stream().anyMatch(t -> t.contains("Les droits d'accès et de rectification")));
        assertTrue(f3.rightsText().stream().noneMatch(t -> t.contains("PSSI-MCAS")));
    }

    @Test
    void fichesWithoutHeadingGetTheirNumberTitleAndDomainFromTheirPlace() {
        assertEquals("06", SeedDocument.fiche(41).domainCode());
        assertTrue(SeedDocument.fiche(41).title().startsWith("Évaluer la satisfaction des professionnels"));
        assertNull(SeedDocument.fiche(50).title());
        assertEquals("07", SeedDocument.fiche(50).domainCode());
        assertNull(SeedDocument.fiche(83).title());
        assertEquals("15", SeedDocument.fiche(83).domainCode());
        assertNull(SeedDocument.fiche(84).title(), "'## Finalités' is not a title");
        assertEquals("16", SeedDocument.fiche(84).domainCode());
        assertTrue(SeedDocument.fiche(61).subPurposes().get(0).startsWith("Traiter les demandes de reconnaissance"),
                "fiche 61's first page, before its heading, is not fiche 60's");
        assertTrue(SeedDocument.fiche(60).subPurposes().stream().noneMatch(s -> s.contains("Covid-19 en maladie professionnelle")));
    }

    @Test
    void itemsKeepTheirRawTextWithoutBulletsOrHtml() {
        for (Fiche f : SeedDocument.FICHES) {
            for (String item : f.dataTypes()) {
                assertFalse(item.startsWith("•") || item.startsWith("–") || item.contains("<") || item.contains("  ")
                        || !item.equals(item.strip()), "fiche " + f.number() + ": " + item);
            }
        }
        assertEquals("Gérer les immatriculations et les affiliations", SeedDocument.fiche(1).title());
        assertEquals("Ouvrir, instruire et gérer les droits en maladie, maternité et paternité",
                SeedDocument.fiche(2).title(), "italic markup removed");
    }

    @Test
    void parsingIsDeterministic() {
        RegisterDocumentParser.Result again = PARSER.parse(SeedDocument.TEXT);
        List<Fiche> fiches = again.fiches().stream().map(new FicheAssembler()::assemble).toList();
        assertEquals(SeedDocument.FICHES, fiches);
        assertEquals(SeedDocument.PARSED.report(), again.report());
    }

    // ---- small documents, one irregularity each

    @Test
    void labelsInEveryFormAndAHeadlessFiche() {
        String doc = """
                # 01 | GESTION DES DROITS

                ## Finalités

                # 01 | GESTION DES DROITS – Fiche 1

                ## Un titre

                Sous-finalités\tFondements juridiques
                <ul><li>• Acquérir<ul><li>– détail</li></ul></li></ul>\t<ul><li>Article 6-1-c du RGPD : obligation<ul><li>Article L. 1 du CSS</li></ul></li></ul>
                <b>Durée de conservation</b>\t<b>Droits des personnes concernées</b>
                <ul><li>3 ans après la fin de validité des droits</li></ul>\t<ul><li>Les droits d'accès et de rectification s'exercent auprès du DPO.</li></ul>
                <p><b>Justification absence du droit d’opposition</b></p> <ul><li>Obligation légale</li></ul>\t<p><b>Sécurité des données</b></p> <ul><li>Chiffrement</li></ul>

                *Deuxième fiche sans en-tête*

                <b>Sous-finalités</b> <ul><li>Autre chose</li></ul>\t<b>Fondements juridiques</b> <ul><li>Article 6-1-e du RGPD</li></ul>
                """;
        RegisterDocumentParser.Result r = PARSER.parse(doc);
        assertEquals(2, r.fiches().size());
        Fiche one = new FicheAssembler().assemble(r.fiches().get(0));
        assertEquals(List.of("Acquérir", "détail"), one.subPurposes());
        assertEquals("6-1-c", one.legalBases().get(1).gdprArticle(), "a nested basis inherits its parent's article");
        assertEquals("Obligation légale", one.objectionExclusionReason(), "curly apostrophe in the label");
        assertEquals(List.of("Chiffrement"), one.securityMeasures());
        Fiche two = new FicheAssembler().assemble(r.fiches().get(1));
        assertEquals(2, two.number());
        assertEquals("Deuxième fiche sans en-tête", two.title());
        assertEquals("01", two.domainCode());
        assertEquals(List.of("6-1-e"), two.gdprArticles());
        assertEquals(Set.of(2), fiches(r.report().anomalies(), AnomalyKind.MISSING_HEADING));
    }

    @Test
    void aWrongRightHandLabelAndAnEmptyCellAreReported() {
        String doc = """
                # 02 | EXÉCUTION – Fiche 7

                ## Titre

                Justification absence du droit d'opposition\tDroits des personnes concernées
                \t<ul><li>Mesures de sécurité</li></ul>
                """;
        RegisterDocumentParser.Result r = PARSER.parse(doc);
        Fiche f = new FicheAssembler().assemble(r.fiches().get(0));
        assertEquals(7, f.number());
        assertNull(f.objectionExclusionReason());
        assertEquals(List.of("Mesures de sécurité"), f.securityMeasures());
        assertTrue(f.rightsText().isEmpty());
        assertEquals(Set.of(7), fiches(r.report().anomalies(), AnomalyKind.MISPLACED_LABEL));
        assertEquals(Set.of(7), fiches(r.report().anomalies(), AnomalyKind.EMPTY_CELL));
        assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("Sous-finalités")), "missing sections are warned");
    }

    @Test
    void aDocumentWithoutFichesGivesNone() {
        assertTrue(PARSER.parse("Bonjour\n\nrien ici").fiches().isEmpty());
        assertTrue(PARSER.parse("").fiches().isEmpty());
    }

    private static RawFiche raw(int number) {
        return SeedDocument.PARSED.fiches().stream().filter(f -> f.number == number).findFirst().orElseThrow();
    }

    private static Set<Integer> fiches(List<Anomaly> anomalies, AnomalyKind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).map(Anomaly::fiche).collect(Collectors.toCollection(TreeSet::new));
    }
}
