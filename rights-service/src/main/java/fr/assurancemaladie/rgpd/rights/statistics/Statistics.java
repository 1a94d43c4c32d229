package fr.assurancemaladie.rgpd.rights.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shape of the public transparency statistics of a quarter. */
public record Statistics(String quarter, LocalDate from, LocalDate to, Instant generatedAt, String secrecy,
        String definitions, List<CountTable> tables, RateTable answeredWithinMonthRate, List<Delay> daysToAnswer) {

    /** A count, or NS (a secret count, or one that would let a secret count be recomputed): then {@code value} is null. */
    public record Figure(Long value, boolean ns) {
    }

    /** One row: a caisse (or the whole network, {@code code} NATIONAL), its counts per column and its total. */
    public record Row(String code, String label, List<Figure> cells, Figure total) {
    }

    /** A table of counts, caisses by column (rights, grounds or channels), with the national row. */
    public record CountTable(String name, String label, List<String> columns, List<Row> rows, Row national) {
    }

    /** A percentage rounded to one decimal, or NS when it is computed from a count that is not shown. */
    public record Rate(Double percent, boolean ns) {
    }

    public record RateRow(String code, String label, List<Rate> cells, Rate total) {
    }

    public record RateTable(String name, String label, List<String> columns, List<RateRow> rows, RateRow national) {
    }

    /**
     * Days from receipt to decision of the requests decided in the quarter: median and 90th percentile, for a caisse,
     * a right or the network; NS when the number of requests they are computed from is not shown.
     */
    public record Delay(String scope, String code, String label, Double median, Double p90, boolean ns) {
    }
}
