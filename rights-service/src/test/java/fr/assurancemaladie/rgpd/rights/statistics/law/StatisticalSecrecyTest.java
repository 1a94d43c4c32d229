package fr.assurancemaladie.rgpd.rights.statistics.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Cell;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Link;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Mark;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Protected;
import fr.assurancemaladie.rgpd.rights.statistics.law.StatisticalSecrecy.Table;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticalSecrecyTest {

    static final Mark S = Mark.SHOWN;
    static final Mark P = Mark.PRIMARY;
    static final Mark X = Mark.SECONDARY;

    // ---- worked examples -------------------------------------------------------------------------------------------

    @Test
    void theThresholdIsEleven() {
        assertFalse(StatisticalSecrecy.secret(0));
        assertTrue(StatisticalSecrecy.secret(1));
        assertTrue(StatisticalSecrecy.secret(10));
        assertFalse(StatisticalSecrecy.secret(11));
        assertFalse(StatisticalSecrecy.secret(500));
    }

    @Test
    void aSecretCellRevealedByItsTotalsGetsASecondaryCellInItsRowAndTwoInAnotherRow() {
        Table t = table("byRight", new long[][] {
            {3, 40, 50},
            {30, 60, 70},
            {25, 45, 80}});
        Protected p = protect(List.of(t), List.of()).get("byRight");
        // the cheapest cycle through the 3: 40 in its row, 25 in its column, 45 at the corner (110 hidden)
        assertMarks(p, new Mark[][] {
            {P, X, S, S},
            {S, S, S, S},
            {X, X, S, S},
            {S, S, S, S}});
        assertEquals("NS", p.cell(0, 0).display());
        assertEquals("93", p.rowTotal(0).display());
        assertEquals(403, p.grandTotal().value());
        assertNoneRecoverable(List.of(t), List.of(), Map.of("byRight", p), "example");
    }

    @Test
    void elevenAndZeroAreShownTenIsNot() {
        Table t = table("t", new long[][] {
            {10, 0, 40, 100},
            {30, 0, 60, 11},
            {20, 35, 45, 200}});
        Protected p = protect(List.of(t), List.of()).get("t");
        // the zeros would be the cheapest companions of the 10 but are spared while counts can protect it
        assertMarks(p, new Mark[][] {
            {P, S, X, S, S},
            {S, S, S, S, S},
            {X, S, X, S, S},
            {S, S, S, S, S}});
        assertEquals(new Cell(11, S), p.cell(1, 3));
        assertEquals(new Cell(0, S), p.cell(0, 1));
        assertNoneRecoverable(List.of(t), List.of(), Map.of("t", p), "example");
    }

    @Test
    void aMarginFromOneToTenIsSecretByItself() {
        Table t = table("small", new long[][] {
            {2, 3},
            {0, 4}});
        Protected p = protect(List.of(t), List.of()).get("small");
        assertMarks(p, new Mark[][] {
            {P, P, P},
            {S, P, P},
            {P, P, P}});
        assertEquals(9, p.grandTotal().value());
        assertNoneRecoverable(List.of(t), List.of(), Map.of("small", p), "example");
    }

    @Test
    void aTableWithoutSecretIsPublishedWhole() {
        Table t = table("t", new long[][] {{0, 12}, {40, 0}});
        Protected p = protect(List.of(t), List.of()).get("t");
        assertMarks(p, new Mark[][] {{S, S, S}, {S, S, S}, {S, S, S}});
    }

    @Test
    void linkedTablesSuppressTheirSharedMarginsAlike() {
        List<String> caisses = List.of("CPAM-75", "CPAM-13", "CPAM-69", "CPAM-33");
        Table byRight = new Table("refused", caisses, List.of("ACCESS", "ERASURE"), new long[][] {
            {30, 20},
            {4, 3},
            {25, 40},
            {60, 15}});
        Table byGround = new Table("refusedByGround", caisses, List.of("IDENTITY", "EXCESSIVE", "LEGAL_OBLIGATION"),
                new long[][] {
                    {10, 20, 20},
                    {0, 0, 7},
                    {30, 35, 0},
                    {45, 15, 15}});
        List<Link> links = List.of(new Link("refused", "refusedByGround"));
        Map<String, Protected> published = protect(List.of(byRight, byGround), links);
        Protected a = published.get("refused");
        Protected b = published.get("refusedByGround");
        assertEquals(P, a.rowTotal(1).mark()); // 7 refusals at CPAM-13
        for (int i = 0; i < caisses.size(); i++) {
            assertEquals(a.rowTotal(i), b.rowTotal(i), caisses.get(i));
        }
        assertEquals(a.grandTotal(), b.grandTotal());
        // the 7 is hidden in both tables, so another caisse's total is hidden with it, in both
        long hiddenTotals = Arrays.stream(a.rowTotals()).filter(c -> !c.shown()).count();
        assertTrue(hiddenTotals >= 2);
        assertNoneRecoverable(List.of(byRight, byGround), links, published, "example");
    }

    @Test
    void linkedTablesCanRevealWhatEachTableHidesAlone() {
        List<String> caisses = List.of("c1", "c2", "c3", "c4", "c5", "c6");
        // refusals by right: caisses c1, c2, c5 in column a, c3, c4 in column b
        Table byRight = new Table("byRight", caisses, List.of("a", "b"), new long[][] {
            {5, 0}, {3, 0}, {0, 6}, {0, 2}, {4, 0}, {50, 60}});
        // the same refusals by ground: c1, c2 in column x, c3, c4, c5 in column y
        Table byGround = new Table("byGround", caisses, List.of("x", "y"), new long[][] {
            {5, 0}, {3, 0}, {0, 6}, {0, 2}, {0, 4}, {55, 55}});
        List<Link> links = List.of(new Link("byRight", "byGround"));
        // each table alone protects its secrets, but together: c1 + c2 + c5 = 62 - 50 (a) and c1 + c2 = 63 - 55 (x)
        Map<String, Protected> alone = new HashMap<>(protect(List.of(byRight), List.of()));
        alone.putAll(protect(List.of(byGround), List.of()));
        assertNoneRecoverable(List.of(byRight), List.of(), alone, "byRight alone");
        assertNoneRecoverable(List.of(byGround), List.of(), alone, "byGround alone");
        Map<String, boolean[][]> aloneHidden = Map.of("byRight", hidden(alone.get("byRight")), "byGround",
                hidden(alone.get("byGround")));
        assertTrue(recoverable(List.of(byRight, byGround), links, aloneHidden).contains("byRight(4,2)"));
        Map<String, Protected> together = protect(List.of(byRight, byGround), links);
        assertPublishable(List.of(byRight, byGround), links, together, "together");
        assertNoneRecoverable(List.of(byRight, byGround), links, together, "together");
    }

    @Test
    void aRateOfASuppressedCountIsNotPublishable() {
        Cell refused = new Cell(4, P);
        Cell received = new Cell(120, S);
        assertFalse(StatisticalSecrecy.publishable(refused, received));
        assertTrue(StatisticalSecrecy.publishable(received, new Cell(0, S)));
    }

    @Test
    void invalidInputsAreRefused() {
        List<String> two = List.of("a", "b");
        assertThrows(IllegalArgumentException.class, () -> new Table("t", two, List.of("x"), new long[][] {{1}, {-1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Table("t", two, List.of("x", "y"), new long[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", two, List.of("x"), new long[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of(), List.of("x"), new long[][] {}));
        Table t = new Table("t", two, List.of("x"), new long[][] {{12}, {13}});
        Table sameTotals = new Table("u", List.of("a", "c"), List.of("y"), new long[][] {{12}, {13}});
        Table otherTotals = new Table("v", two, List.of("y", "z"), new long[][] {{12, 1}, {13, 0}});
        assertThrows(IllegalArgumentException.class,
                () -> StatisticalSecrecy.protect(List.of(t), List.of(new Link("t", "nowhere"))));
        assertThrows(IllegalArgumentException.class,
                () -> StatisticalSecrecy.protect(List.of(t, sameTotals), List.of(new Link("t", "u"))));
        assertThrows(IllegalArgumentException.class,
                () -> StatisticalSecrecy.protect(List.of(t, otherTotals), List.of(new Link("t", "v"))));
        assertThrows(IllegalArgumentException.class, () -> StatisticalSecrecy.protect(List.of(t, t), List.of()));
    }

    // ---- the independent checker checks itself ----------------------------------------------------------------------

    @Test
    void theCheckerRecoversALoneSuppressedCellFromItsRowTotal() {
        Table t = table("t", new long[][] {{20, 30}, {40, 50}});
        boolean[][] lone = new boolean[3][3];
        lone[0][0] = true;
        assertEquals(List.of("t(0,0)"), recoverable(List.of(t), List.of(), Map.of("t", lone)));
        boolean[][] cycle = new boolean[3][3];
        cycle[0][0] = cycle[0][1] = cycle[1][0] = cycle[1][1] = true;
        assertEquals(List.of(), recoverable(List.of(t), List.of(), Map.of("t", cycle)));
        boolean[][] open = new boolean[3][3];
        open[0][0] = open[0][1] = open[1][0] = true; // (1,0) and (0,1) are revealed by row 1 and column 1
        assertEquals(List.of("t(0,0)", "t(0,1)", "t(1,0)"), recoverable(List.of(t), List.of(), Map.of("t", open)));
    }

    @Test
    void theCheckerUsesTheLinks() {
        Table a = table("a", new long[][] {{20}, {30}});
        Table b = table("b", new long[][] {{5, 15}, {30, 0}});
        boolean[][] inA = new boolean[3][2];
        inA[0][0] = inA[1][0] = inA[0][1] = inA[1][1] = true; // a cycle within a
        boolean[][] inB = new boolean[3][3]; // but b shows its row totals
        assertEquals(List.of(), recoverable(List.of(a, b), List.of(), Map.of("a", inA, "b", inB)));
        assertEquals(List.of("a(0,0)", "a(0,1)", "a(1,0)", "a(1,1)"),
                recoverable(List.of(a, b), List.of(new Link("a", "b")), Map.of("a", inA, "b", inB)));
    }

    // ---- properties --------------------------------------------------------------------------------------------------

    @Test
    void randomTablesAreProtected() {
        // one seed per case, drawn from a master seed (consecutive seeds would give java.util.Random alike first draws)
        Random seeds = new Random(20_240_401L);
        int cases = 2_000;
        for (int c = 0; c < cases; c++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            List<Table> tables = new ArrayList<>();
            List<Link> links = new ArrayList<>();
            int rows = 1 + random.nextInt(8);
            int kind = c % 10;
            if (kind < 4) {
                tables.add(randomTable(random, "t0", rows));
            } else if (kind == 4) {
                tables.add(randomTable(random, "t0", rows));
                tables.add(randomTable(random, "alone", 1 + random.nextInt(8)));
            } else if (kind == 5) {
                Table first = randomTable(random, "t0", rows);
                tables.add(first);
                tables.add(breakdown(random, "t1", first.rows(), rowTotals(first), 0));
                links.add(new Link("t0", "t1"));
            } else {
                // breakdowns of mostly small row totals, each row mostly in one column: where the tables of a link
                // reveal together what each one hides alone
                long[] totals = new long[rows];
                for (int i = 0; i < rows; i++) {
                    totals[i] = random.nextInt(100) < 60 ? 1 + random.nextInt(10) : skewed(random);
                }
                List<String> labels = labels("row", rows);
                int linked = kind < 8 ? 2 : 3;
                for (int t = 0; t < linked; t++) {
                    tables.add(breakdown(random, "t" + t, labels, totals, 70));
                    if (t > 0) {
                        links.add(new Link("t" + (t - 1), "t" + t));
                    }
                }
                if (linked == 3 && random.nextBoolean()) {
                    links.add(new Link("t2", "t0"));
                }
            }
            String label = "seed " + seed + " (case " + c + "): " + tables + " " + links;
            Map<String, Protected> published;
            try {
                published = StatisticalSecrecy.protect(tables, links);
            } catch (RuntimeException e) {
                throw new AssertionError(label, e);
            }
            assertPublishable(tables, links, published, label);
            assertNoneRecoverable(tables, links, published, label);
            assertEquals(published, StatisticalSecrecy.protect(tables, links), "not deterministic: " + label);
        }
    }

    @Test
    void aQuarterOfProductionSizeIsProtected() {
        Random random = new Random(2024_4L);
        List<String> caisses = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            caisses.add("CAISSE-" + i);
        }
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int columns = 2 + t % 6;
            long[][] counts = new long[105][columns];
            for (long[] row : counts) {
                for (int j = 0; j < columns; j++) {
                    row[j] = skewed(random);
                }
            }
            tables.add(new Table("table" + t, caisses, labels("right", columns), counts));
        }
        tables.add(breakdown(random, "byGround", caisses, rowTotals(tables.get(5)), 0));
        tables.add(breakdown(random, "byChannel", caisses, rowTotals(tables.get(5)), 50));
        List<Link> links = List.of(new Link("table5", "byGround"), new Link("byGround", "byChannel"));
        long start = System.nanoTime();
        Map<String, Protected> published = StatisticalSecrecy.protect(tables, links);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("StatisticalSecrecy: 10 tables of 105 rows protected in " + millis + " ms");
        assertPublishable(tables, links, published, "production size");
        assertNoneRecoverable(tables, links, published, "production size");
    }

    // ---- assertions --------------------------------------------------------------------------------------------------

    static void assertMarks(Protected p, Mark[][] expected) {
        assertEquals(Arrays.deepToString(expected), Arrays.deepToString(marks(p)), p.name());
    }

    /** Properties 1, 2 and 4, and the marks' meaning: PRIMARY iff 1..10; nothing secondary without a secret. */
    static void assertPublishable(List<Table> tables, List<Link> links, Map<String, Protected> published,
            String label) {
        assertEquals(tables.size(), published.size(), label);
        for (Table t : tables) {
            Protected p = published.get(t.name());
            assertEquals(t.rows(), p.rows(), label);
            assertEquals(t.columns(), p.columns(), label);
            long[][] truth = extended(t);
            Mark[][] marks = marks(p);
            long[][] values = values(p);
            boolean anyPrimary = false;
            boolean anySecondary = false;
            for (int a = 0; a < truth.length; a++) {
                for (int j = 0; j < truth[a].length; j++) {
                    String where = t.name() + "(" + a + "," + j + ") in " + label;
                    long v = truth[a][j];
                    assertEquals(v, values[a][j], where);
                    assertEquals(v >= 1 && v <= 10, marks[a][j] == P, where);
                    if (marks[a][j] == S) {
                        assertFalse(v >= 1 && v <= 10, "secret shown: " + where);
                    }
                    anyPrimary |= marks[a][j] == P;
                    anySecondary |= marks[a][j] == X;
                }
            }
            assertFalse(anySecondary && !anyPrimary && links.isEmpty(), "secondary without a secret: " + label);
        }
        for (Link link : links) {
            Mark[][] a = marks(published.get(link.a()));
            Mark[][] b = marks(published.get(link.b()));
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i][a[i].length - 1], b[i][b[i].length - 1], "linked margin " + i + ": " + label);
            }
        }
    }

    static void assertNoneRecoverable(List<Table> tables, List<Link> links, Map<String, Protected> published,
            String label) {
        Map<String, boolean[][]> suppressed = new HashMap<>();
        for (Table t : tables) {
            suppressed.put(t.name(), hidden(published.get(t.name())));
        }
        List<String> recovered = recoverable(tables, links, suppressed);
        if (!recovered.isEmpty()) {
            fail("recoverable " + recovered + " in " + label);
        }
    }

    // ---- the independent checker: exact Gaussian elimination on every equation of every table and link --------------

    /**
     * The suppressed cells (extended grids: last column the row totals, last row the column totals) whose value the
     * published cells determine, as "table(row,column)". Each extended cell of each table is a variable; every row and
     * every column of each extended grid sums to its last cell; a link equates the last columns of its two tables.
     * A suppressed cell is recoverable iff its unit vector lies in the row space of the unknowns' coefficients.
     */
    static List<String> recoverable(List<Table> tables, List<Link> links, Map<String, boolean[][]> suppressed) {
        Map<String, int[][]> variable = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Boolean> unknown = new ArrayList<>();
        for (Table t : tables) {
            int rows = t.rows().size();
            int columns = t.columns().size();
            int[][] ids = new int[rows + 1][columns + 1];
            for (int a = 0; a <= rows; a++) {
                for (int j = 0; j <= columns; j++) {
                    ids[a][j] = names.size();
                    names.add(t.name() + "(" + a + "," + j + ")");
                    unknown.add(suppressed.get(t.name())[a][j]);
                }
            }
            variable.put(t.name(), ids);
        }
        List<Map<Integer, Integer>> equations = new ArrayList<>();
        for (Table t : tables) {
            int[][] ids = variable.get(t.name());
            int rows = t.rows().size();
            int columns = t.columns().size();
            for (int a = 0; a <= rows; a++) {
                Map<Integer, Integer> e = new HashMap<>();
                for (int j = 0; j < columns; j++) {
                    e.put(ids[a][j], 1);
                }
                e.put(ids[a][columns], -1);
                equations.add(e);
            }
            for (int j = 0; j <= columns; j++) {
                Map<Integer, Integer> e = new HashMap<>();
                for (int a = 0; a < rows; a++) {
                    e.put(ids[a][j], 1);
                }
                e.put(ids[rows][j], -1);
                equations.add(e);
            }
        }
        for (Link link : links) {
            int[][] a = variable.get(link.a());
            int[][] b = variable.get(link.b());
            for (int i = 0; i < a.length; i++) {
                equations.add(Map.of(a[i][a[i].length - 1], 1, b[i][b[i].length - 1], -1));
            }
        }
        int[] column = new int[names.size()];
        List<Integer> unknowns = new ArrayList<>();
        for (int v = 0; v < names.size(); v++) {
            column[v] = unknown.get(v) ? unknowns.size() : -1;
            if (unknown.get(v)) {
                unknowns.add(v);
            }
        }
        int n = unknowns.size();
        List<BigInteger[]> matrix = new ArrayList<>();
        for (Map<Integer, Integer> e : equations) {
            BigInteger[] row = new BigInteger[n];
            Arrays.fill(row, BigInteger.ZERO);
            boolean any = false;
            for (Map.Entry<Integer, Integer> term : e.entrySet()) {
                if (column[term.getKey()] >= 0) {
                    row[column[term.getKey()]] = BigInteger.valueOf(term.getValue());
                    any = true;
                }
            }
            if (any) {
                matrix.add(row);
            }
        }
        // reduced row echelon form, fraction-free
        int rank = 0;
        int[] pivotOf = new int[n];
        Arrays.fill(pivotOf, -1);
        for (int c = 0; c < n && rank < matrix.size(); c++) {
            int r = rank;
            while (r < matrix.size() && matrix.get(r)[c].signum() == 0) {
                r++;
            }
            if (r == matrix.size()) {
                continue;
            }
            BigInteger[] pivotRow = matrix.get(r);
            matrix.set(r, matrix.get(rank));
            matrix.set(rank, pivotRow);
            for (int i = 0; i < matrix.size(); i++) {
                BigInteger[] row = matrix.get(i);
                if (i == rank || row[c].signum() == 0) {
                    continue;
                }
                BigInteger factor = row[c];
                BigInteger pivot = pivotRow[c];
                BigInteger gcd = BigInteger.ZERO;
                for (int k = 0; k < n; k++) {
                    row[k] = row[k].multiply(pivot).subtract(pivotRow[k].multiply(factor));
                    gcd = gcd.gcd(row[k]);
                }
                if (gcd.signum() != 0) {
                    for (int k = 0; k < n; k++) {
                        row[k] = row[k].divide(gcd);
                    }
                }
            }
            pivotOf[c] = rank++;
        }
        List<String> recovered = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (pivotOf[c] < 0) {
                continue; // a free unknown
            }
            BigInteger[] row = matrix.get(pivotOf[c]);
            boolean unit = true;
            for (int k = 0; k < n && unit; k++) {
                unit = k == c || row[k].signum() == 0;
            }
            if (unit) {
                recovered.add(names.get(unknowns.get(c)));
            }
        }
        return recovered;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static Map<String, Protected> protect(List<Table> tables, List<Link> links) {
        return StatisticalSecrecy.protect(tables, links);
    }

    static Table table(String name, long[][] counts) {
        return new Table(name, labels("row", counts.length), labels("column", counts[0].length), counts);
    }

    static List<String> labels(String prefix, int count) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels.add(prefix + i);
        }
        return labels;
    }

    /** The true extended grid, computed here: inner counts, row totals last, column totals in the last row. */
    static long[][] extended(Table t) {
        long[][] counts = t.counts();
        int rows = counts.length;
        int columns = counts[0].length;
        long[][] grid = new long[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                grid[i][j] = counts[i][j];
                grid[i][columns] += counts[i][j];
                grid[rows][j] += counts[i][j];
                grid[rows][columns] += counts[i][j];
            }
        }
        return grid;
    }

    /** The suppression pattern of the extended grid. */
    static boolean[][] hidden(Protected p) {
        Mark[][] marks = marks(p);
        boolean[][] hidden = new boolean[marks.length][marks[0].length];
        for (int a = 0; a < marks.length; a++) {
            for (int j = 0; j < marks[a].length; j++) {
                hidden[a][j] = marks[a][j] != S;
            }
        }
        return hidden;
    }

    static Mark[][] marks(Protected p) {
        Cell[][] grid = grid(p);
        Mark[][] marks = new Mark[grid.length][grid[0].length];
        for (int a = 0; a < grid.length; a++) {
            for (int j = 0; j < grid[a].length; j++) {
                marks[a][j] = grid[a][j].mark();
            }
        }
        return marks;
    }

    static long[][] values(Protected p) {
        Cell[][] grid = grid(p);
        long[][] values = new long[grid.length][grid[0].length];
        for (int a = 0; a < grid.length; a++) {
            for (int j = 0; j < grid[a].length; j++) {
                values[a][j] = grid[a][j].value();
            }
        }
        return values;
    }

    static Cell[][] grid(Protected p) {
        int rows = p.rows().size();
        int columns = p.columns().size();
        Cell[][] grid = new Cell[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                grid[i][j] = p.cell(i, j);
            }
            grid[i][columns] = p.rowTotal(i);
        }
        for (int j = 0; j < columns; j++) {
            grid[rows][j] = p.columnTotal(j);
        }
        grid[rows][columns] = p.grandTotal();
        return grid;
    }

    /** Many zeros, many secrets, some larger counts. */
    static long skewed(Random random) {
        int p = random.nextInt(100);
        if (p < 35) {
            return 0;
        }
        if (p < 70) {
            return 1 + random.nextInt(10);
        }
        if (p < 90) {
            return 11 + random.nextInt(50);
        }
        return 61 + random.nextInt(440);
    }

    static Table randomTable(Random random, String name, int rows) {
        int columns = 1 + random.nextInt(7);
        long[][] counts = new long[rows][columns];
        for (long[] row : counts) {
            for (int j = 0; j < columns; j++) {
                row[j] = skewed(random);
            }
        }
        return new Table(name, labels("row", rows), labels("column", columns), counts);
    }

    static long[] rowTotals(Table t) {
        return Arrays.stream(t.counts()).mapToLong(row -> Arrays.stream(row).sum()).toArray();
    }

    /**
     * A breakdown of given row totals over 1 to 7 columns: with probability {@code concentrated}% a row lies in one
     * column, else it is split at random (zeros and small parts likely).
     */
    static Table breakdown(Random random, String name, List<String> rows, long[] totals, int concentrated) {
        int columns = 1 + random.nextInt(7);
        long[][] counts = new long[totals.length][columns];
        for (int i = 0; i < totals.length; i++) {
            if (random.nextInt(100) < concentrated) {
                counts[i][random.nextInt(columns)] = totals[i];
                continue;
            }
            long remaining = totals[i];
            for (int j = 0; j < columns - 1; j++) {
                int p = random.nextInt(100);
                long v = p < 30 ? 0 : p < 65 ? Math.min(remaining, 1 + random.nextInt(10))
                        : random.nextInt((int) remaining + 1);
                counts[i][j] = v;
                remaining -= v;
            }
            counts[i][columns - 1] = remaining;
            for (int j = columns - 1; j > 0; j--) {
                int k = random.nextInt(j + 1);
                long swap = counts[i][j];
                counts[i][j] = counts[i][k];
                counts[i][k] = swap;
            }
        }
        return new Table(name, rows, labels("ground", columns), counts);
    }
}
