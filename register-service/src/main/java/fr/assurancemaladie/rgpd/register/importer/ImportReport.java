package fr.assurancemaladie.rgpd.register.importer;

import java.util.List;

/**
 * What an import met: the fiches found and every irregularity of the document it worked around.
 *
 * @param fichesFound number of fiches found
 * @param numbers     their numbers as ranges ("1-87")
 * @param fiches      one line per fiche: where it starts, how many pages it spans, how many items per section
 * @param anomalies   irregularities handled (missing heading, inferred number, misplaced label, empty cell…)
 * @param warnings    things a register editor should look at (missing sections, rules to review…)
 */
public record ImportReport(int fichesFound, String numbers, List<FicheFound> fiches, List<Anomaly> anomalies,
        List<String> warnings) {

    public ImportReport {
        fiches = List.copyOf(fiches);
        anomalies = List.copyOf(anomalies);
        warnings = List.copyOf(warnings);
    }

    /** Kinds of irregularity the importer knows how to handle. */
    public enum AnomalyKind {
        MISSING_HEADING, MISSING_TITLE, DOMAIN_CODE_INFERRED, TITLE_VARIANT, MISPLACED_LABEL, UNLABELLED_COLUMN,
        EMPTY_CELL, REPEATED_CELL, DUPLICATE_SECTION, ORPHAN_CONTENT, NUMBER_OUT_OF_ORDER
    }

    /**
     * @param line   1-based line of the document
     * @param fiche  the fiche concerned (null before the first fiche)
     * @param kind   the kind of irregularity
     * @param detail what was found and what the importer did, in French for the register editors
     */
    public record Anomaly(int line, Integer fiche, AnomalyKind kind, String detail) {
    }

    /** @param itemsPerSection section name → number of items found */
    public record FicheFound(int number, int firstLine, int pages, String title,
            java.util.Map<String, Integer> itemsPerSection) {
    }
}
