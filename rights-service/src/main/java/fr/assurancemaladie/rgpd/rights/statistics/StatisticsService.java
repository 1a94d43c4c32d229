package fr.assurancemaladie.rgpd.rights.statistics;

import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory;
import fr.assurancemaladie.rgpd.rights.caisse.CaisseDirectory.CaisseInfo;
import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.RefusalGround;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.CountTable;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.Delay;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.Figure;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.Rate;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.RateRow;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.RateTable;
import fr.assurancemaladie.rgpd.rights.statistics.Statistics.Row;
import fr.assurancemaladie.rgpd.rights.statistics.StatisticsQueries.Counts;
import fr.assurancemaladie.rgpd.rights.statistics.StatisticsQueries.DelayRow;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Cell;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Link;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Protected;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Table;
import fr.assurancemaladie.rgpd.rights.time.RightsClock;
import fr.assurancemaladie.rgpd.support.problem.ProblemException;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public transparency statistics of a quarter: per caisse and for the network, per right, the requests received,
 * closed, answered within the month, extended, overdue, refused (and by ground), not applicable, open at the end,
 * by channel; the days to answer; all under statistical secrecy ({@link StatisticalSecrecy}). Computed once per quarter
 * every few minutes, whoever asks.
 */
@ApplicationScoped
public class StatisticsService {

    static final String NATIONAL = "NATIONAL";
    static final String SECRECY = "Secret statistique : un effectif de 1 à 10 est remplacé par « NS » (non significatif), "
            + "comme tout taux ou délai calculé à partir d'un tel effectif ; d'autres cases sont masquées aussi lorsque "
            + "les totaux permettraient de retrouver une case masquée (secret secondaire).";
    static final String DEFINITIONS = "Reçues : demandes reçues dans le trimestre. Closes : décidées dans le trimestre "
            + "(réponse, refus, ou réponse immédiate lorsque le droit ne s'applique pas). Répondues dans le mois : closes "
            + "à l'échéance d'un mois au plus tard, sans prolongation. Prolongées : prolongation décidée dans le trimestre. "
            + "En retard : closes après l'échéance, ou encore ouvertes à la fin du trimestre après l'échéance. Ouvertes "
            + "en fin de trimestre : reçues et non décidées à la dernière date du trimestre. Délais en jours calendaires, "
            + "de la réception à la décision.";
    private static final Pattern QUARTER = Pattern.compile("(20[0-9]{2})-T?Q?([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Duration CACHE = Duration.ofMinutes(5);

    private record Cached(Statistics statistics, Instant at) {
    }

    @Inject
    StatisticsQueries queries;

    @Inject
    CaisseDirectory caisses;

    @Inject
    RightsClock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A quarter, "2026-Q4" (or "2026-T4"); none: the current one. */
    public Statistics of(String quarter) {
        LocalDate from = parse(quarter);
        String key = from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
        Cached c = cache.get(key);
        if (c == null || c.at().plus(CACHE).isBefore(Instant.now())) {
            c = new Cached(compute(key, from, from.plusMonths(3).minusDays(1)), Instant.now());
            cache.put(key, c);
        }
        return c.statistics();
    }

    /** Drops what was computed (tests that add requests, an operator who wants today's figures now). */
    public void forget() {
        cache.clear();
    }

    private LocalDate parse(String quarter) {
        if (quarter == null || quarter.isBlank()) {
            LocalDate today = clock.today();
            return LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        }
        Matcher m = QUARTER.matcher(quarter.strip());
        if (!m.matches()) {
            throw ProblemException.badRequest("Trimestre invalide : « " + Excerpt.of(quarter) + " » (format AAAA-QN, "
                    + "par exemple 2026-Q4).");
        }
        LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        if (from.isAfter(clock.today())) {
            throw ProblemException.badRequest("Ce trimestre n'a pas encore commencé.");
        }
        return from;
    }

    private Statistics compute(String quarter, LocalDate from, LocalDate to) {
        List<CaisseInfo> all = caisses.all();
        List<String> rows = all.stream().map(CaisseInfo::code).toList();
        List<String> rights = Arrays.stream(RightType.values()).map(Enum::name).toList();
        List<String> grounds = Arrays.stream(RefusalGround.values()).map(Enum::name).toList();
        List<String> channels = List.of("ONLINE", "POSTAL", "COUNTER", "EMAIL");
        List<Counts> byRight = queries.byRight(from, to);
        List<Counts> byGround = queries.refusedByGround(from, to);
        List<Counts> byChannel = queries.byChannel(from, to);

        List<Table> tables = new ArrayList<>();
        tables.add(table("received", rows, rights, byRight, Counts::received));
        tables.add(table("closed", rows, rights, byRight, Counts::closed));
        tables.add(table("answeredWithinMonth", rows, rights, byRight, Counts::withinMonth));
        tables.add(table("extended", rows, rights, byRight, Counts::extended));
        tables.add(table("overdue", rows, rights, byRight, Counts::overdue));
        tables.add(table("refused", rows, rights, byRight, Counts::refused));
        tables.add(table("notApplicable", rows, rights, byRight, Counts::notApplicable));
        tables.add(table("openAtEnd", rows, rights, byRight, Counts::openAtEnd));
        tables.add(table("refusedByGround", rows, grounds, byGround, Counts::refused));
        tables.add(table("receivedByChannel", rows, channels, byChannel, Counts::received));
        Map<String, Protected> shown = StatisticalSecrecy.protect(tables, List.of(new Link("refused", "refusedByGround"),
                new Link("received", "receivedByChannel")));

        List<CountTable> published = new ArrayList<>();
        for (Table t : tables) {
            published.add(publish(shown.get(t.name()), all));
        }
        RateTable rate = rate(shown.get("answeredWithinMonth"), shown.get("closed"), all);
        List<Delay> delays = delays(queries.delays(from, to), shown.get("closed"), all);
        return new Statistics(quarter, from, to, Instant.now(), SECRECY, DEFINITIONS, published, rate, delays);
    }

    private static Table table(String name, List<String> rows, List<String> columns, List<Counts> counts,
            ToLongFunction<Counts> metric) {
        long[][] cells = new long[rows.size()][columns.size()];
        for (Counts c : counts) {
            int r = rows.indexOf(c.caisse());
            int k = columns.indexOf(c.column());
            if (r >= 0 && k >= 0) {
                cells[r][k] += metric.applyAsLong(c);
            }
        }
        return new Table(name, rows, columns, cells);
    }

    static final Map<String, String> LABELS = Map.of("received", "Demandes reçues", "closed", "Demandes closes",
            "answeredWithinMonth", "Répondues dans le mois", "extended", "Délais prolongés", "overdue", "En retard",
            "refused", "Refusées", "notApplicable", "Droit non applicable", "openAtEnd", "Ouvertes en fin de trimestre",
            "refusedByGround", "Refus par motif", "receivedByChannel", "Demandes reçues par canal");

    private static CountTable publish(Protected p, List<CaisseInfo> caisses) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < p.rows().size(); i++) {
            List<Figure> cells = new ArrayList<>();
            for (int k = 0; k < p.columns().size(); k++) {
                cells.add(figure(p.cell(i, k)));
            }
            rows.add(new Row(caisses.get(i).code(), caisses.get(i).name(), cells, figure(p.rowTotal(i))));
        }
        List<Figure> national = new ArrayList<>();
        for (int k = 0; k < p.columns().size(); k++) {
            national.add(figure(p.columnTotal(k)));
        }
        return new CountTable(p.name(), LABELS.get(p.name()), p.columns(), rows,
                new Row(NATIONAL, "Réseau de l'Assurance Maladie", national, figure(p.grandTotal())));
    }

    private static Figure figure(Cell c) {
        return c.shown() ? new Figure(c.value(), false) : new Figure(null, true);
    }

    private static RateTable rate(Protected within, Protected closed, List<CaisseInfo> caisses) {
        List<RateRow> rows = new ArrayList<>();
        for (int i = 0; i < within.rows().size(); i++) {
            List<Rate> cells = new ArrayList<>();
            for (int k = 0; k < within.columns().size(); k++) {
                cells.add(rate(within.cell(i, k), closed.cell(i, k)));
            }
            rows.add(new RateRow(caisses.get(i).code(), caisses.get(i).name(), cells,
                    rate(within.rowTotal(i), closed.rowTotal(i))));
        }
        List<Rate> national = new ArrayList<>();
        for (int k = 0; k < within.columns().size(); k++) {
            national.add(rate(within.columnTotal(k), closed.columnTotal(k)));
        }
        return new RateTable("answeredWithinMonthRate", "Part des demandes closes répondues dans le mois (%)",
                within.columns(), rows, new RateRow(NATIONAL, "Réseau de l'Assurance Maladie", national,
                        rate(within.grandTotal(), closed.grandTotal())));
    }

    private static Rate rate(Cell numerator, Cell denominator) {
        if (!StatisticalSecrecy.publishable(numerator, denominator) || denominator.value() == 0) {
            return new Rate(null, !StatisticalSecrecy.publishable(numerator, denominator));
        }
        return new Rate(Math.round(1000.0 * numerator.value() / denominator.value()) / 10.0, false);
    }

    /** A delay is shown when the number of decisions it is computed from is (the closed table's matching cell). */
    private static List<Delay> delays(List<DelayRow> rows, Protected closed, List<CaisseInfo> caisses) {
        List<Delay> out = new ArrayList<>();
        for (DelayRow d : rows) {
            Cell base;
            String scope;
            String code;
            String label;
            if (d.caisse() == null && d.right() == null) {
                base = closed.grandTotal();
                scope = "national";
                code = NATIONAL;
                label = "Réseau de l'Assurance Maladie";
            } else if (d.right() == null) {
                int i = closed.rows().indexOf(d.caisse());
                if (i < 0) {
                    continue;
                }
                base = closed.rowTotal(i);
                scope = "caisse";
                code = d.caisse();
                label = caisses.get(i).name();
            } else {
                int k = closed.columns().indexOf(d.right());
                if (k < 0) {
                    continue;
                }
                base = closed.columnTotal(k);
                scope = "right";
                code = d.right();
                label = d.right();
            }
            boolean shown = StatisticalSecrecy.publishable(base);
            out.add(new Delay(scope, code, label, shown ? d.median() : null, shown ? d.p90() : null, !shown));
        }
        out.sort(java.util.Comparator.comparing(Delay::scope).thenComparing(Delay::code));
        return out;
    }

    /** The same figures as CSV (RFC 4180, UTF-8): one line per figure, "NS" where it is not shown. */
    public String csv(Statistics s) {
        StringBuilder out = new StringBuilder("trimestre,tableau,caisse,colonne,valeur\r\n");
        for (CountTable t : s.tables()) {
            for (Row r : withNational(t.rows(), t.national())) {
                for (int k = 0; k < t.columns().size(); k++) {
                    line(out, s.quarter(), t.name(), r.code(), t.columns().get(k), text(r.cells().get(k)));
                }
                line(out, s.quarter(), t.name(), r.code(), "TOTAL", text(r.total()));
            }
        }
        RateTable rt = s.answeredWithinMonthRate();
        List<RateRow> rateRows = new ArrayList<>(rt.rows());
        rateRows.add(rt.national());
        for (RateRow r : rateRows) {
            for (int k = 0; k < rt.columns().size(); k++) {
                line(out, s.quarter(), rt.name(), r.code(), rt.columns().get(k), text(r.cells().get(k)));
            }
            line(out, s.quarter(), rt.name(), r.code(), "TOTAL", text(r.total()));
        }
        for (Delay d : s.daysToAnswer()) {
            String caisse = d.scope().equals("right") ? NATIONAL : d.code();
            String column = d.scope().equals("right") ? d.code() : "TOTAL";
            line(out, s.quarter(), "daysToAnswerMedian", caisse, column, d.ns() ? "NS" : number(d.median()));
            line(out, s.quarter(), "daysToAnswerP90", caisse, column, d.ns() ? "NS" : number(d.p90()));
        }
        return out.toString();
    }

    private static List<Row> withNational(List<Row> rows, Row national) {
        List<Row> all = new ArrayList<>(rows);
        all.add(national);
        return all;
    }

    private static String text(Figure f) {
        return f.ns() ? "NS" : Long.toString(f.value());
    }

    private static String text(Rate r) {
        return r.ns() ? "NS" : r.percent() == null ? "" : number(r.percent());
    }

    private static String number(Double d) {
        return d == null ? "" : d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            out.append(i == 0 ? "" : ",").append(f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        out.append("\r\n");
    }
}
