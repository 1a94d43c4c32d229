package fr.assurancemaladie.rgpd.register.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.importer.SeedDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterExportTest {

    @Test
    void csvQuotesCommasQuotesAndNewlinesAndKeepsOneRecordPerFiche() {
        String csv = RegisterExport.csv(SeedDocument.FICHES);
        List<List<String>> records = csvRecords(csv);
        assertEquals(88, records.size());
        for (List<String> r : records) {
            assertEquals(records.get(0).size(), r.size(), "same number of columns");
        }
        assertEquals("1", records.get(1).get(0));
        assertEquals("Gérer les immatriculations et les affiliations", records.get(1).get(4));
        assertEquals("non", records.get(1).get(records.get(0).indexOf("objection")));
        assertEquals("oui", records.get(1).get(records.get(0).indexOf("limitation")));
    }

    @Test
    void aCellIsNeverASpreadsheetFormula() {
        Fiche f = SeedDocument.fiche(1);
        Fiche formula = new Fiche(1, "01", "D", "=HYPERLINK(\"http://evil\")", List.of(), List.of("@SUM(1)"), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), f.rights(), null, List.of(),
                List.of(), 1, "PUBLISHED", null, null);
        List<String> row = csvRecords(RegisterExport.csv(List.of(formula))).get(1);
        assertEquals("'=HYPERLINK(\"http://evil\")", row.get(4));
        assertEquals("'@SUM(1)", row.get(5));
    }

    @Test
    void htmlEscapesTheTextAndHasATableOfContentsByDomain() {
        Fiche f = SeedDocument.fiche(1);
        Fiche tricky = new Fiche(1, "01", "GESTION <DES> DROITS", "A & B <script>alert(1)</script>", List.of(),
                List.of("x"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), f.retentionRules(),
                List.of(), f.rights(), null, List.of(), List.of(), 1, "PUBLISHED", null, null);
        String html = RegisterExport.html(List.of(tricky), LocalDate.of(2026, 11, 26));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("A &amp; B &lt;script&gt;"));
        String all = RegisterExport.html(SeedDocument.FICHES, LocalDate.of(2026, 11, 26));
        assertEquals(16, all.split("<h2>", -1).length - 2, "16 domain headings after the table of contents");
    }

    @Test
    void durationsInFrench() {
        assertEquals("3 ans", RegisterExport.frenchDuration("P3Y"));
        assertEquals("1 mois", RegisterExport.frenchDuration("P1M"));
        assertEquals("1 an et 6 mois", RegisterExport.frenchDuration("P1Y6M"));
        assertEquals("3 semaines", RegisterExport.frenchDuration("P3W"));
        assertEquals("jusqu'à l'événement", RegisterExport.frenchDuration("P0D"));
        assertEquals("non précisée", RegisterExport.frenchDuration(null));
    }

    /** A small RFC 4180 reader, to check what a spreadsheet would see. */
    static List<List<String>> csvRecords(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return records;
    }
}
